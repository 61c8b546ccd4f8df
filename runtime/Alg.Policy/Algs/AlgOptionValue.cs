using System.Globalization;
using Alg.Policy.Text;

namespace Alg.Policy.Algs;

/// <summary>A typed option value and the line that set it (none for a default).</summary>
public sealed record AlgOptionValue(AlgOptionKind Kind, long Number, string? Text, SourceSpan Source)
{
    public bool AsBoolean => Number != 0;

    public static AlgOptionValue FromBoolean(bool value, SourceSpan source = default) =>
        new(AlgOptionKind.Boolean, value ? 1 : 0, null, source);

    public static AlgOptionValue FromNumber(AlgOptionKind kind, long value, SourceSpan source = default) =>
        new(kind, value, null, source);

    public static AlgOptionValue FromChoice(string choice, SourceSpan source = default) =>
        new(AlgOptionKind.Choice, 0, choice, source);

    public AlgOptionValue WithSource(SourceSpan source) => this with { Source = source };

    public override string ToString() => Kind switch
    {
        AlgOptionKind.Boolean => AsBoolean ? "true" : "false",
        AlgOptionKind.Choice => Text ?? string.Empty,
        _ => Number.ToString(CultureInfo.InvariantCulture),
    };
}
