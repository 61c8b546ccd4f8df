using Alg.Policy.Diagnostics;

namespace Alg.DeviceConsole.Editing;

/// <summary>
/// A diagnostic to show for a typed line: on the line itself (<paramref name="TypedColumn"/>, 0-based, for the caret
/// under what was typed), or on another line of the configuration (<paramref name="Rendered"/>, quoted with its caret).
/// </summary>
internal sealed record LineProblem(Diagnostic Diagnostic, int? TypedColumn, int TypedWidth, string? Rendered)
{
    public bool IsError => Diagnostic.Severity == DiagnosticSeverity.Error;
}
