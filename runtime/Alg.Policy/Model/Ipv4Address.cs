using System.Globalization;

namespace Alg.Policy.Model;

/// <summary>An IPv4 address as a host-order 32-bit value.</summary>
public readonly record struct Ipv4Address(uint Value) : IComparable<Ipv4Address>
{
    public static readonly Ipv4Address Any = new(0);

    public static bool TryParse(ReadOnlySpan<char> text, out Ipv4Address address)
    {
        address = Any;
        uint value = 0;
        var octets = 0;
        var i = 0;
        while (octets < 4)
        {
            var start = i;
            uint octet = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                octet = (octet * 10) + (uint)(text[i] - '0');
                i++;
            }

            if (i == start || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
            octets++;
            if (octets < 4)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        address = new Ipv4Address(value);
        return true;
    }

    public static Ipv4Address Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IPv4 address");

    /// <summary>The contiguous netmask of a prefix length (0-32).</summary>
    public static Ipv4Address FromPrefixLength(int length) =>
        new(length <= 0 ? 0u : length >= 32 ? uint.MaxValue : uint.MaxValue << (32 - length));

    /// <summary>The prefix length of a contiguous netmask, or -1 when the mask has holes.</summary>
    public int ToPrefixLength()
    {
        var inverted = ~Value;
        if ((inverted & (inverted + 1)) != 0)
        {
            return -1;
        }

        return 32 - System.Numerics.BitOperations.PopCount(inverted);
    }

    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value >> 24}.{(Value >> 16) & 0xFF}.{(Value >> 8) & 0xFF}.{Value & 0xFF}");
}
