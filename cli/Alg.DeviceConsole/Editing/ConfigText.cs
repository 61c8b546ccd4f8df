namespace Alg.DeviceConsole.Editing;

/// <summary>
/// A configuration as lines of text, edited in place: comments, blank lines and lines Alg does not know stay where they
/// were, and the file's line ending and final newline are kept, so a written file differs only where it was changed.
/// </summary>
internal sealed class ConfigText
{
    private ConfigText(IReadOnlyList<string> lines, string newLine, bool endsWithNewLine)
    {
        Lines = lines;
        NewLine = newLine;
        EndsWithNewLine = endsWithNewLine;
    }

    public IReadOnlyList<string> Lines { get; }

    public string NewLine { get; }

    public bool EndsWithNewLine { get; }

    public static ConfigText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var endsWithNewLine = text.Length == 0 || text.EndsWith('\n');
        if (endsWithNewLine && lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new ConfigText(lines, newLine, endsWithNewLine);
    }

    public string Render()
    {
        var text = string.Join(NewLine, Lines);
        return EndsWithNewLine && Lines.Count > 0 ? text + NewLine : text;
    }

    /// <summary>The same file (line ending, final newline) with other lines.</summary>
    public ConfigText WithLines(IEnumerable<string> lines) => new([.. lines], NewLine, EndsWithNewLine || Lines.Count == 0);

    /// <summary>A copy with <paramref name="line"/> inserted before the 0-based <paramref name="index"/>.</summary>
    public ConfigText Insert(int index, string line)
    {
        var lines = Lines.ToList();
        lines.Insert(Math.Clamp(index, 0, lines.Count), line);
        return new ConfigText(lines, NewLine, EndsWithNewLine || Lines.Count == 0);
    }

    /// <summary>A copy without the 0-based lines in <paramref name="indexes"/>.</summary>
    public ConfigText Remove(IEnumerable<int> indexes)
    {
        var gone = indexes.ToHashSet();
        return new ConfigText([.. Lines.Where((_, i) => !gone.Contains(i))], NewLine, EndsWithNewLine);
    }

    /// <summary>A line's words, for comparing lines whatever their spacing and case.</summary>
    public static string Normalize(string line) => string.Join(' ', Words(line)).ToLowerInvariant();

    public static string[] Words(string line) => line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
