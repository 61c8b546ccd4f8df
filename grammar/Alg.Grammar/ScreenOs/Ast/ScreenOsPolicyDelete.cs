using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>unset policy id N</c>.</summary>
public sealed record ScreenOsPolicyDelete(Located<int> Id, SourceSpan Span)
    : Statement(Span);
