using System.Runtime.Intrinsics.X86;

namespace Alg.Runtime.Checksums;

/// <summary>CRC32c (Castagnoli), the SCTP checksum (RFC 9260 §6.8, Appendix A).</summary>
/// <remarks>Uses the SSE4.2 CRC32 instruction when present, a table otherwise; both give the same value.</remarks>
public static class Crc32c
{
    private const uint Polynomial = 0x82F63B78; // reflected 0x1EDC6F41

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC32c of <paramref name="data"/> (initial value all ones, final complement).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(0xFFFFFFFF, data);

    /// <summary>Continues a running (not yet complemented) CRC.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var i = 0;
        if (Sse42.X64.IsSupported)
        {
            ulong wide = crc;
            for (; i + 8 <= data.Length; i += 8)
            {
                wide = Sse42.X64.Crc32(wide, BitConverter.ToUInt64(data.Slice(i, 8)));
            }

            crc = (uint)wide;
        }

        if (Sse42.IsSupported)
        {
            for (; i < data.Length; i++)
            {
                crc = Sse42.Crc32(crc, data[i]);
            }

            return crc;
        }

        return AppendSoftware(crc, data[i..]);
    }

    /// <summary>The table-driven path, public so tests can check it against the hardware one.</summary>
    public static uint AppendSoftware(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
