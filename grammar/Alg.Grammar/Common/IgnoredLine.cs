using Alg.Policy.Text;

namespace Alg.Grammar.Common;

/// <summary>A command Alg recognises as valid for the device but that has no effect on the policy (SNMP, NTP, ...).</summary>
public sealed record IgnoredLine(string Command, SourceSpan Span);
