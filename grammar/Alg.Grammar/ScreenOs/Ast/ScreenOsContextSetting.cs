using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: a line inside a policy or vrouter context (<c>set src-address X</c>, <c>set service X</c>, <c>set route ...</c>); Subject is its first value.</summary>
public sealed record ScreenOsContextSetting(bool Unset, string Setting, ImmutableArray<string> Values, Located<string>? Subject, SourceSpan Span)
    : Statement(Span);
