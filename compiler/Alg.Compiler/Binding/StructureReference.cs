using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>A use of a named structure, and what the use is (for the message when it is undefined).</summary>
public sealed record StructureReference(ReferenceKind Kind, string Name, SourceSpan Span, string Usage);
