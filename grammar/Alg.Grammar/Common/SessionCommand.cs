using Alg.Policy.Text;

namespace Alg.Grammar.Common;

/// <summary>A line of a terminal session (<c>conf t</c>, <c>end</c>, <c>do show run</c>): it loads and changes nothing.</summary>
public sealed record SessionCommand(SessionCommandKind Kind, string Text, SourceSpan Span) : Statement(Span);
