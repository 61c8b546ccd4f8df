using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: a line inside a policy or vrouter context (<c>set service X</c>, <c>set route ...</c>): recognised, not modelled.</summary>
public sealed record ScreenOsContextSetting(bool Unset, string Setting, ImmutableArray<string> Values, SourceSpan Span)
    : Statement(Span);
