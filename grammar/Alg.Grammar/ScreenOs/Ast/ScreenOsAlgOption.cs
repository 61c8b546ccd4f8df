using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set alg NAME OPTION [VALUE...]</c>, e.g. <c>set alg appleichat call-answer-time 32</c>.</summary>
public sealed record ScreenOsAlgOption(bool Unset, Located<string> Alg, Located<string> Option, ImmutableArray<Located<string>> Values, SourceSpan Span)
    : Statement(Span);
