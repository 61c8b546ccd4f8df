using Alg.Policy.Text;

namespace Alg.Policy.Diagnostics;

/// <summary>One occurrence of a catalogued problem at a place in the input.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, SourceSpan Span, string Message)
{
    public string Code => Descriptor.Code;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] arguments) =>
        new(descriptor, descriptor.Severity, span, descriptor.Format(arguments));
}
