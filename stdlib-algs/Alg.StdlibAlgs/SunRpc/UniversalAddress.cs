using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>RFC 5665 §5.2.3.3 universal addresses for IPv4, <c>h1.h2.h3.h4.p1.p2</c> (port = p1·256 + p2): parsed
/// from and written into the XDR strings rpcbind returns.</summary>
public static class UniversalAddress
{
    /// <summary>The longest universal address read: an IPv6 one with its port is under 64 characters.</summary>
    public const int MaxLength = 64;

    /// <summary>An IPv6 universal address (RFC 5665 §5.2.3.4: the address has colons): valid, but not translated.</summary>
    public static bool IsIpv6(ReadOnlySpan<byte> text) => text.IndexOf((byte)':') >= 0;

    public static bool TryParse(ReadOnlySpan<byte> text, out uint address, out ushort port)
    {
        address = 0;
        port = 0;
        if (text.Length > MaxLength)
        {
            return false;
        }

        var lastDot = text.LastIndexOf((byte)'.');
        if (lastDot <= 0)
        {
            return false;
        }

        var secondDot = text[..lastDot].LastIndexOf((byte)'.');
        if (secondDot <= 0
            || !TryOctet(text[(secondDot + 1)..lastDot], out var high)
            || !TryOctet(text[(lastDot + 1)..], out var low)
            || !Ipv4Text.TryParseIpv4(text[..secondDot], out address))
        {
            return false;
        }

        port = (ushort)((high << 8) | low);
        return true;
    }

    public static int Length(uint address, ushort port) =>
        Ipv4Text.Ipv4Length(address) + 2 + DecimalText.NumberLength(port >> 8) + DecimalText.NumberLength(port & 0xFF);

    public static int Write(uint address, ushort port, Span<byte> destination)
    {
        var written = Ipv4Text.WriteIpv4(address, destination);
        destination[written++] = (byte)'.';
        written += DecimalText.WriteNumber(port >> 8, destination[written..]);
        destination[written++] = (byte)'.';
        written += DecimalText.WriteNumber(port & 0xFF, destination[written..]);
        return written;
    }

    private static bool TryOctet(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 3)
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

        return value <= 255;
    }
}
