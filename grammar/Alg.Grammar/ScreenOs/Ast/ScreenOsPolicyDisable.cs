using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>set policy id N disable</c> (the policy stays in the list but matches nothing) or <c>unset policy id N disable</c>.</summary>
public sealed record ScreenOsPolicyDisable(bool Unset, Located<int> Id, SourceSpan Span)
    : Statement(Span);
