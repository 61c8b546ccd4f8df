using System.Runtime.CompilerServices;

namespace Alg.Runtime.Checksums;

/// <summary>Checksum update after a field rewrite without re-reading the data (RFC 1624).</summary>
/// <remarks>
/// RFC 1624 §3 eqn. 3: HC' = ~(~HC + ~m + m'). Unlike eqn. 2 of RFC 1141 it never produces 0x0000 from
/// a non-zero sum by accident (§4), so a rewritten header checksums the same as a full recomputation.
/// </remarks>
public static class IncrementalChecksum
{
    /// <summary>New checksum after a 16-bit field changes from <paramref name="oldValue"/> to <paramref name="newValue"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Update(ushort checksum, ushort oldValue, ushort newValue)
    {
        uint sum = (ushort)~checksum + (uint)(ushort)~oldValue + newValue;
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>New checksum after a 32-bit field (an IPv4 address, a TCP sequence number) changes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Update(ushort checksum, uint oldValue, uint newValue)
    {
        // Five 16-bit terms sum below 2^19, so 32 bits and two folds suffice.
        var complement = ~oldValue;
        uint sum = (ushort)~checksum + (complement >> 16) + (complement & 0xFFFF) + (newValue >> 16) + (newValue & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>
    /// Update for an IPv4 UDP checksum: 0 means "no checksum" (RFC 768) and stays 0; a computed 0 is sent as
    /// 0xFFFF so it is not mistaken for "none".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UpdateUdp(ushort checksum, uint oldValue, uint newValue)
    {
        if (checksum == 0)
        {
            return 0;
        }

        var updated = Update(checksum, oldValue, newValue);
        return updated == 0 ? (ushort)0xFFFF : updated;
    }

    /// <inheritdoc cref="UpdateUdp(ushort, uint, uint)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UpdateUdp(ushort checksum, ushort oldValue, ushort newValue)
    {
        if (checksum == 0)
        {
            return 0;
        }

        var updated = Update(checksum, oldValue, newValue);
        return updated == 0 ? (ushort)0xFFFF : updated;
    }
}
