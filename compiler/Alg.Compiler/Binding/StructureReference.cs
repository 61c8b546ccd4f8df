using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>A use of a named structure, and what the use is (for the message when it is undefined).</summary>
/// <param name="OutsideTranslation">
/// The use is by a feature that does not bear on translation or on the filtering Alg checks (routing, terminal
/// lines, SNMP, QoS): a missing structure there is a warning (ALG3019), not an error.
/// </param>
public sealed record StructureReference(ReferenceKind Kind, string Name, SourceSpan Span, string Usage, bool OutsideTranslation = false);
