namespace Alg.Policy.Text;

/// <summary>
/// The text of one input file, with the offsets of its line starts so spans can be turned into
/// line/column pairs and a diagnostic can quote its line.
/// </summary>
/// <remarks>Any of CR, LF or CRLF ends a line; lines and columns are 1-based.</remarks>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string content)
    {
        Path = path;
        Content = content;
        _lineStarts = ComputeLineStarts(content);
    }

    public string Path { get; }

    public string Content { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>The text of a 1-based line without its line terminator.</summary>
    public string GetLine(int line) => GetLineSpan(line).ToString();

    /// <summary>As <see cref="GetLine"/>, without copying the text (the parser asks for every line).</summary>
    public ReadOnlySpan<char> GetLineSpan(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return [];
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Content.Length;
        while (end > start && (Content[end - 1] == '\n' || Content[end - 1] == '\r'))
        {
            end--;
        }

        return Content.AsSpan(start, end - start);
    }

    private static int[] ComputeLineStarts(string content)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '\r')
            {
                if (i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        // A trailing line terminator does not start a new, empty line.
        if (starts.Count > 1 && starts[^1] == content.Length)
        {
            starts.RemoveAt(starts.Count - 1);
        }

        return starts.ToArray();
    }
}
