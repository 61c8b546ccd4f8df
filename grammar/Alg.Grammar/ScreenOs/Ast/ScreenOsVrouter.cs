using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set vrouter NAME ...</c> on one line: recognised, not modelled.</summary>
public sealed record ScreenOsVrouter(bool Unset, Located<string> Name, ImmutableArray<string> Settings, SourceSpan Span)
    : Statement(Span);
