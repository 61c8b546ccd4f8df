namespace Alg.Grammar.Common;

/// <summary>
/// Maps positions in text the parser reads back to the file the user wrote, when a front end rewrites the
/// file before parsing it (curly-brace Junos is read as the <c>set</c> lines it stands for). Each rewritten
/// line carries anchors: a run of its characters and the place in the original file those came from.
/// </summary>
public sealed class SourceMap
{
    private readonly List<SourceMapAnchor[]> _lines = [];

    /// <summary>Number of rewritten lines mapped so far; line N of the rewritten text is entry N-1.</summary>
    public int LineCount => _lines.Count;

    public void AddLine(SourceMapAnchor[] anchors) => _lines.Add(anchors);

    /// <summary>The original 1-based line and 0-based column of a rewritten (1-based line, 0-based column).</summary>
    public (int Line, int Column) Map(int line, int column)
    {
        if (line < 1 || line > _lines.Count || _lines[line - 1].Length == 0)
        {
            return (Math.Max(1, line), Math.Max(0, column));
        }

        var anchors = _lines[line - 1];
        var chosen = anchors[0];
        foreach (var anchor in anchors)
        {
            if (anchor.Column > column)
            {
                break;
            }

            chosen = anchor;
        }

        var offset = Math.Clamp(column - chosen.Column, 0, chosen.Length);
        return (chosen.OriginalLine, chosen.OriginalColumn + offset);
    }
}
