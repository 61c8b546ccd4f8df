namespace Alg.DeviceConsole.Grammar;

/// <summary>A typed line with its abbreviations written out, and the edits that map a column back to what was typed.</summary>
/// <param name="Valid">The grammar accepts the whole expanded line in the mode it was expanded in.</param>
/// <param name="Ambiguity">Why a word could not be expanded (two keywords start with it), or null.</param>
internal sealed record Expansion(string Typed, string Text, IReadOnlyList<ExpansionEdit> Edits, bool Valid, string? Ambiguity)
{
    /// <summary>The 0-based column of the typed line that column <paramref name="expanded"/> of <see cref="Text"/> came from.</summary>
    public int TypedColumn(int expanded)
    {
        var shift = 0;
        // Edits were made left to right, each at a position of the text the earlier ones had already changed.
        foreach (var edit in Edits)
        {
            if (expanded < edit.Start)
            {
                break;
            }

            if (expanded < edit.Start + edit.NewLength)
            {
                return edit.Start - shift;
            }

            shift += edit.NewLength - edit.OldLength;
        }

        return Math.Max(0, expanded - shift);
    }
}
