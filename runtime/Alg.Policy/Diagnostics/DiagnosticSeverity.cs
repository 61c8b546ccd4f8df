namespace Alg.Policy.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
