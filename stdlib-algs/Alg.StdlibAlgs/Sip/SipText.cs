using System.Buffers.Binary;
using System.Numerics;

namespace Alg.StdlibAlgs.Sip;

/// <summary>The few text conversions the SIP ALG needs, over bytes and without allocating.</summary>
internal static class SipText
{
    /// <summary>Parses a dotted-quad IPv4 address that makes up the whole span (no leading zeros beyond one digit group of 3).</summary>
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
            else if (c is >= (byte)'0' and <= (byte)'9' && digits < 3)
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
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= 65535;
    }

    /// <summary>Parses a non-negative decimal (delta-seconds, CSeq numbers) of at most 10 digits; leading/trailing blanks allowed.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        text = Trim(text);
        if (text.Length is 0 or > 10)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public static int Ipv4Length(uint address) =>
        3 + OctetLength((address >> 24) & 0xFF) + OctetLength((address >> 16) & 0xFF) + OctetLength((address >> 8) & 0xFF) + OctetLength(address & 0xFF);

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

    private static int OctetLength(uint octet) => octet >= 100 ? 3 : octet >= 10 ? 2 : 1;

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

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    public static bool IsBlank(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>ASCII case-insensitive prefix test against a lower-case prefix (URI schemes, "sip/2.0/").</summary>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase) =>
        text.Length >= lowerCase.Length && EqualsIgnoreCase(text[..lowerCase.Length], lowerCase);

    /// <summary>ASCII case-insensitive comparison against a lower-case literal (only A-Z are folded).</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase)
    {
        if (text.Length != lowerCase.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= (byte)'A' and <= (byte)'Z')
            {
                c = (byte)(c | 0x20);
            }

            if (c != lowerCase[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A 64-bit hash of an identifier (Call-ID, branch), never 0 (0 means "no group" to the pinhole table).</summary>
    /// <remarks>Eight bytes per step (a byte-at-a-time hash was a visible part of the per-message time); collisions
    /// only make two calls share a pinhole group, never open anything.</remarks>
    public static long Hash(ReadOnlySpan<byte> text)
    {
        const ulong prime = 0x9E3779B97F4A7C15UL;
        var hash = 0xCBF29CE484222325UL ^ (ulong)text.Length;
        while (text.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(text)) * prime, 29);
            text = text[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < text.Length; i++)
        {
            tail |= (ulong)text[i] << (8 * i);
        }

        hash = (hash ^ tail) * prime;
        hash ^= hash >> 32;
        return hash == 0 ? 1 : (long)hash;
    }

    /// <summary>Finds a <c>;name=value</c> parameter in a header element and returns the value's offsets, or false.</summary>
    public static bool TryFindParameter(ReadOnlySpan<byte> element, ReadOnlySpan<byte> lowerName, out int valueStart, out int valueLength)
    {
        valueStart = -1;
        valueLength = 0;
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < element.Length; i++)
        {
            var c = element[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '<')
            {
                inBrackets = true;
            }
            else if (!inQuotes && c == '>')
            {
                inBrackets = false;
            }
            else if (!inQuotes && !inBrackets && c == ';')
            {
                var nameStart = i + 1;
                while (nameStart < element.Length && IsBlank(element[nameStart]))
                {
                    nameStart++;
                }

                var nameEnd = nameStart;
                while (nameEnd < element.Length && element[nameEnd] is not ((byte)'=' or (byte)';' or (byte)' ' or (byte)'\t'))
                {
                    nameEnd++;
                }

                if (EqualsIgnoreCase(element[nameStart..nameEnd], lowerName))
                {
                    var start = nameEnd;
                    while (start < element.Length && IsBlank(element[start]))
                    {
                        start++;
                    }

                    if (start >= element.Length || element[start] != '=')
                    {
                        valueStart = start;
                        return true;
                    }

                    start++;
                    while (start < element.Length && IsBlank(element[start]))
                    {
                        start++;
                    }

                    var end = start;
                    while (end < element.Length && element[end] is not ((byte)';' or (byte)',' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        end++;
                    }

                    valueStart = start;
                    valueLength = end - start;
                    return true;
                }
            }
        }

        return false;
    }
}
