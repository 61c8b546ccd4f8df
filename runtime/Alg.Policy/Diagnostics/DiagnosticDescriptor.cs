namespace Alg.Policy.Diagnostics;

/// <summary>
/// One entry of the diagnostic catalogue: a stable code, its severity and a constant message template.
/// </summary>
/// <remarks>
/// The code never changes meaning once released; the template takes positional arguments
/// (<c>{0}</c>, <c>{1}</c>) for the names a particular occurrence is about.
/// </remarks>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string MessageTemplate)
{
    public string Format(params object?[] arguments) =>
        arguments.Length == 0 ? MessageTemplate : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageTemplate, arguments);
}
