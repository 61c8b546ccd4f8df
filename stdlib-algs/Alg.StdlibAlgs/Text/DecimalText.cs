namespace Alg.StdlibAlgs.Text;

/// <summary>Non-negative decimal numbers (ports, lengths, seconds, CSeq) parsed from and written into byte spans.</summary>
public static class DecimalText
{
    /// <summary>Parses a port (1-5 digits, ≤ 65535) that makes up the whole span.</summary>
    public static bool TryParsePort(ReadOnlySpan<byte> text, out int port)
    {
        port = 0;
        if (text.Length is 0 or > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!AsciiText.IsDigit(c))
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= 65535;
    }

    /// <summary>Parses a non-negative decimal of at most 10 digits; leading/trailing blanks allowed.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        text = AsciiText.Trim(text);
        if (text.Length is 0 or > 10)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!AsciiText.IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Reads the run of digits at <paramref name="start"/> (at most <paramref name="maxDigits"/>, so a long run
    /// cannot overflow); returns how many digits were read, 0 when none or the run is longer.</summary>
    public static int ReadDigits(ReadOnlySpan<byte> text, int start, int maxDigits, out int value)
    {
        value = 0;
        var i = start;
        while (i < text.Length && AsciiText.IsDigit(text[i]))
        {
            if (i - start == maxDigits)
            {
                return 0;
            }

            value = (value * 10) + (text[i] - '0');
            i++;
        }

        return i - start;
    }

    /// <summary>Decimal digits of a non-negative number, by comparison (no division: this runs for every edit).</summary>
    public static int NumberLength(long value) => value switch
    {
        < 10 => 1,
        < 100 => 2,
        < 1_000 => 3,
        < 10_000 => 4,
        < 100_000 => 5,
        < 1_000_000 => 6,
        < 10_000_000 => 7,
        < 100_000_000 => 8,
        < 1_000_000_000 => 9,
        _ => 10 + NumberLength(value / 10_000_000_000),
    };

    /// <summary>Writes a non-negative number in decimal (ports, lengths, seconds).</summary>
    /// <remarks>By hand rather than through Utf8Formatter: formatting addresses and ports was a visible share of the
    /// per-message time, and these numbers are small and never negative.</remarks>
    public static int WriteNumber(long value, Span<byte> destination)
    {
        var length = NumberLength(value);
        for (var i = length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return length;
    }
}
