using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Alg.Runtime.Checksums;

/// <summary>The Internet checksum (RFC 1071) for IPv4, UDP, TCP, ICMP and ICMPv6.</summary>
/// <remarks>
/// Sums are carried as unfolded 32-bit-or-wider partial sums in network byte order meaning: callers add
/// pieces with <see cref="Add(ReadOnlySpan{byte}, ulong)"/> and finish with <see cref="Finish"/>.
/// RFC 1071 §2(B): the ones' complement sum is byte-order independent, so the bulk loop sums native words
/// and swaps once at the end.
/// </remarks>
public static class InternetChecksum
{
    /// <summary>Adds <paramref name="data"/> (starting at an even offset of the checksummed whole).</summary>
    public static ulong Add(ReadOnlySpan<byte> data, ulong sum)
    {
        ulong native = 0;
        ref var start = ref MemoryMarshal.GetReference(data);
        var length = data.Length;
        var i = 0;
        for (; i + 8 <= length; i += 8)
        {
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i));
            native += word & 0xFFFFFFFF;
            native += word >> 32;
        }

        for (; i + 2 <= length; i += 2)
        {
            native += Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, i));
        }

        var folded = FoldTo16(native);
        if (BitConverter.IsLittleEndian)
        {
            folded = BinaryPrimitives.ReverseEndianness(folded);
        }

        sum += folded;
        if (i < length)
        {
            // RFC 1071 §4.1: an odd trailing byte is padded with a zero byte on the right.
            sum += (ulong)data[i] << 8;
        }

        return sum;
    }

    /// <summary>Adds one 16-bit field value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ushort value, ulong sum) => sum + value;

    /// <summary>Adds an IPv4 address as two 16-bit words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(uint value, ulong sum) => sum + (value >> 16) + (value & 0xFFFF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort FoldTo16(ulong sum)
    {
        sum = (sum & 0xFFFFFFFF) + (sum >> 32);
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }

    /// <summary>The checksum field value for a finished sum: the complement of the folded sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Finish(ulong sum) => (ushort)~FoldTo16(sum);

    /// <summary>The checksum of a whole buffer (e.g. an IPv4 header with its checksum field zeroed).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Add(data, 0));

    /// <summary>RFC 768 / RFC 9293 §3.1 IPv4 pseudo-header sum.</summary>
    public static ulong Ipv4PseudoHeader(uint source, uint destination, byte protocol, int transportLength) =>
        Add(source, 0) + Add(destination, 0) + protocol + (uint)transportLength;

    /// <summary>RFC 8200 §8.1 IPv6 pseudo-header sum; the addresses are read from the header.</summary>
    public static ulong Ipv6PseudoHeader(ReadOnlySpan<byte> ipv6Header, byte nextHeader, int transportLength) =>
        Add(ipv6Header.Slice(8, 32), 0) + nextHeader + (uint)transportLength;
}
