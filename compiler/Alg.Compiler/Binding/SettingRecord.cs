using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>
/// One line's effect on one keyed setting (e.g. key "alg sip udp/5060", value "off"), in file order.
/// Duplicate and contradicting lines are found by comparing these, whatever the dialect.
/// </summary>
/// <param name="Description">How to say the setting in a message, e.g. "sip on udp/5060 off".</param>
public sealed record SettingRecord(string Key, string Value, string Description, SourceSpan Span);
