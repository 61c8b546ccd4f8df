using Alg.Policy.Text;

namespace Alg.Grammar.Common;

/// <summary>A value from the input with the span it came from, so a diagnostic can point at it.</summary>
public readonly record struct Located<T>(T Value, SourceSpan Span)
{
    public override string ToString() => Value?.ToString() ?? string.Empty;
}
