using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>Where a named structure is defined.</summary>
/// <param name="Builtin">Defined by the device itself (ASA's preset_dns_map): never reported unused.</param>
public sealed record StructureDefinition(ReferenceKind Kind, string Name, SourceSpan Span, bool Builtin = false);
