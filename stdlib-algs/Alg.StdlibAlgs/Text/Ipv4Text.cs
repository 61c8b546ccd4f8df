namespace Alg.StdlibAlgs.Text;

/// <summary>IPv4 addresses (host order) in the two text forms signalling protocols use: dotted (<c>a.b.c.d</c>, SIP,
/// SDP, FTP EPRT) and the comma form with a port (<c>h1,h2,h3,h4,p1,p2</c>, FTP PORT and 227, RFC 959 §4.1.2).</summary>
public static class Ipv4Text
{
    /// <summary>Characters of the longest comma form, 255,255,255,255,255,255.</summary>
    public const int MaxCommaFormLength = 23;

    /// <summary>Parses a dotted-quad IPv4 address that makes up the whole span (1-3 digits per octet, each ≤ 255).</summary>
    public static bool TryParseIpv4(ReadOnlySpan<byte> text, out uint address)
    {
        address = 0;
        var part = 0;
        var digits = 0;
        var value = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || part == 3)
                {
                    return false;
                }

                address = address << 8 | (uint)value;
                part++;
                digits = 0;
                value = 0;
            }
            else if (AsciiText.IsDigit(c) && digits < 3)
            {
                value = (value * 10) + (c - '0');
                digits++;
                if (value > 255)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || part != 3)
        {
            return false;
        }

        address = address << 8 | (uint)value;
        return true;
    }

    public static int Ipv4Length(uint address) =>
        3 + OctetLength((address >> 24) & 0xFF) + OctetLength((address >> 16) & 0xFF) + OctetLength((address >> 8) & 0xFF) + OctetLength(address & 0xFF);

    public static int WriteIpv4(uint address, Span<byte> destination)
    {
        var written = WriteOctet((address >> 24) & 0xFF, destination);
        destination[written++] = (byte)'.';
        written += WriteOctet((address >> 16) & 0xFF, destination[written..]);
        destination[written++] = (byte)'.';
        written += WriteOctet((address >> 8) & 0xFF, destination[written..]);
        destination[written++] = (byte)'.';
        return written + WriteOctet(address & 0xFF, destination[written..]);
    }

    /// <summary>Reads <c>h1,h2,h3,h4,p1,p2</c> at <paramref name="start"/>: six decimal numbers of 1-3 digits, each ≤ 255,
    /// separated by single commas (RFC 959 §4.1.2; blanks are not allowed inside, as in every server's output).</summary>
    /// <param name="length">Characters the six numbers span.</param>
    /// <param name="numbers">How many comma-separated numbers were read before the form ended or broke (≤ 6), for
    /// diagnostics: fewer than six is a truncated address.</param>
    /// <returns>False when fewer than six numbers are there or one is larger than 255.</returns>
    public static bool TryReadCommaForm(ReadOnlySpan<byte> text, int start, out uint address, out int port, out int length, out int numbers)
    {
        address = 0;
        port = 0;
        length = 0;
        numbers = 0;
        var position = start;
        for (var i = 0; i < 6; i++)
        {
            var digits = DecimalText.ReadDigits(text, position, 3, out var value);
            if (digits == 0 || value > 255)
            {
                return false;
            }

            numbers++;
            position += digits;
            if (i < 4)
            {
                address = address << 8 | (uint)value;
            }
            else
            {
                port = port << 8 | value;
            }

            if (i < 5)
            {
                if (position >= text.Length || text[position] != ',')
                {
                    return false;
                }

                position++;
            }
        }

        length = position - start;
        return true;
    }

    /// <summary>Characters <see cref="WriteCommaForm"/> writes.</summary>
    public static int CommaFormLength(uint address, int port) =>
        5 + OctetLength((address >> 24) & 0xFF) + OctetLength((address >> 16) & 0xFF) + OctetLength((address >> 8) & 0xFF) + OctetLength(address & 0xFF)
        + OctetLength((uint)(port >> 8) & 0xFF) + OctetLength((uint)port & 0xFF);

    /// <summary>Writes <c>h1,h2,h3,h4,p1,p2</c> (port = p1·256 + p2).</summary>
    public static int WriteCommaForm(uint address, int port, Span<byte> destination)
    {
        var written = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            written += WriteOctet((address >> shift) & 0xFF, destination[written..]);
            destination[written++] = (byte)',';
        }

        written += WriteOctet((uint)(port >> 8) & 0xFF, destination[written..]);
        destination[written++] = (byte)',';
        return written + WriteOctet((uint)port & 0xFF, destination[written..]);
    }

    private static int OctetLength(uint octet) => octet >= 100 ? 3 : octet >= 10 ? 2 : 1;

    private static int WriteOctet(uint octet, Span<byte> destination)
    {
        if (octet >= 100)
        {
            destination[0] = (byte)('0' + (octet / 100));
            destination[1] = (byte)('0' + (octet / 10 % 10));
            destination[2] = (byte)('0' + (octet % 10));
            return 3;
        }

        if (octet >= 10)
        {
            destination[0] = (byte)('0' + (octet / 10));
            destination[1] = (byte)('0' + (octet % 10));
            return 2;
        }

        destination[0] = (byte)('0' + octet);
        return 1;
    }
}
