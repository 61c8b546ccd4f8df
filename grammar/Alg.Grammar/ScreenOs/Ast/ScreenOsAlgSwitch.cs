using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set alg NAME [FEATURE] enable</c>: turns an ALG (or one of its features, <c>re-assembly</c>) on or off.</summary>
public sealed record ScreenOsAlgSwitch(bool Unset, Located<string> Alg, Located<string>? Feature, SourceSpan Span)
    : Statement(Span);
