namespace Alg.StdlibAlgs.Text;

/// <summary>Line framing of an in-order TCP byte stream for line-based protocols (FTP, SIP headers): a line ends at LF
/// (RFC 959 §4.2 and RFC 3261 §7 say CRLF; a bare LF is what lenient peers and Linux's helpers accept too).</summary>
/// <remarks>Lines are only ever found from a line start the caller derived from the stream itself, never from a
/// segment boundary: a segment may start in the middle of a line (NAT Slipstreaming, alg-behaviour §3 T1).</remarks>
public static class TextLines
{
    /// <summary>The offset just after the LF that ends the line starting at <paramref name="start"/>, or -1 when the
    /// line has not ended within <paramref name="data"/>.</summary>
    public static int NextLineStart(ReadOnlySpan<byte> data, int start)
    {
        var newline = data[start..].IndexOf((byte)'\n');
        return newline < 0 ? -1 : start + newline + 1;
    }

    /// <summary>The line without its CRLF or LF ending.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> line)
    {
        var end = line.Length;
        if (end > 0 && line[end - 1] == '\n')
        {
            end--;
            if (end > 0 && line[end - 1] == '\r')
            {
                end--;
            }
        }

        return line[..end];
    }

    /// <summary>True when the line ends with CRLF, as RFC 959 §4.1 requires of commands (a bare LF does not).</summary>
    public static bool EndsWithCrLf(ReadOnlySpan<byte> line) => line.Length >= 2 && line[^1] == '\n' && line[^2] == '\r';

    /// <summary>End of the line starting at <paramref name="start"/> (excluding its CRLF, LF or lone CR terminator), or -1
    /// if none yet; <paramref name="next"/> is where the next line starts.</summary>
    public static int FindLineEnd(ReadOnlySpan<byte> data, int start, out int next)
    {
        var relative = data[start..].IndexOfAny((byte)'\r', (byte)'\n');
        if (relative < 0)
        {
            next = data.Length;
            return -1;
        }

        var end = start + relative;
        if (data[end] == '\r')
        {
            // A CR at the very end of the buffer may be the first half of a CRLF still to come.
            if (end + 1 == data.Length)
            {
                next = data.Length;
                return -1;
            }

            next = data[end + 1] == '\n' ? end + 2 : end + 1;
        }
        else
        {
            next = end + 1;
        }

        return end;
    }
}
