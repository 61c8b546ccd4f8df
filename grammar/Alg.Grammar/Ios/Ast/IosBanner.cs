using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>banner TYPE DELIMITER text DELIMITER</c>, possibly over many lines; kept so its lines are not misread as commands.</summary>
public sealed record IosBanner(string Text, SourceSpan Span) : Statement(Span);
