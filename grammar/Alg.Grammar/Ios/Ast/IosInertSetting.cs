using Alg.Policy.Text;
using Alg.Grammar.Common;

namespace Alg.Grammar.Ios.Ast;

/// <summary>
/// IOS: a line whose words look like a translation setting but that is not one: a QoS <c>service-policy</c>, an
/// IP SLA probe's <c>timeout</c>. Parsed, so it is not taken for an unread NAT line, and bound to nothing.
/// </summary>
public sealed record IosInertSetting(string Text, string Meaning, SourceSpan Span)
    : Statement(Span);
