namespace Alg.Doctor;

/// <summary>The configuration line behind a cause, and the line in the same dialect that changes it.</summary>
/// <param name="Line">1-based line number, or 0 when no line decides it (the dialect's default).</param>
/// <param name="LineText">The line as written, or null for a default.</param>
/// <param name="DefaultIsInferred">The default is inferred from vendor behaviour, not documented (see lint ALG3011).</param>
/// <param name="FixLines">Lines to add (in order) to fix it; empty when the configuration is not the cause.</param>
public sealed record ConfigAdvice(string File, int Line, string? LineText, bool DefaultIsInferred, string Explanation, IReadOnlyList<string> FixLines)
{
    public bool IsDefault => Line == 0;
}
