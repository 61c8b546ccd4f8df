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

    /// <summary>The text of a list option that restricts nothing.</summary>
    public const string AnyListText = "any";

    /// <summary>A list option: its items in canonical form, in order, joined by commas; no items is
    /// <see cref="AnyListText"/> (no restriction).</summary>
    public static AlgOptionValue FromList(IEnumerable<string> items, SourceSpan source = default)
    {
        var text = string.Join(',', items);
        return new(AlgOptionKind.List, 0, text.Length == 0 ? AnyListText : text, source);
    }

    /// <summary>A list option's items; empty when it restricts nothing.</summary>
    public IReadOnlyList<string> Items =>
        Kind != AlgOptionKind.List || Text is null or AnyListText ? [] : Text.Split(',');

    public AlgOptionValue WithSource(SourceSpan source) => this with { Source = source };

    public override string ToString() => Kind switch
    {
        AlgOptionKind.Boolean => AsBoolean ? "true" : "false",
        AlgOptionKind.Choice or AlgOptionKind.List => Text ?? string.Empty,
        _ => Number.ToString(CultureInfo.InvariantCulture),
    };
}
