using Alg.Runtime.Packets;

namespace Alg.Runtime.Capture;

/// <summary>One capture interface: a classic pcap file has one, a pcapng section any number.</summary>
/// <param name="UnitsPerSecond">Timestamp ticks per second (pcapng if_tsresol; 10^6 or 10^9 for pcap).</param>
/// <param name="OffsetSeconds">pcapng if_tsoffset, added to every timestamp.</param>
public sealed record CaptureInterface(LinkType LinkType, int SnapLength, ulong UnitsPerSecond, long OffsetSeconds)
{
    /// <summary>The closest precision a classic pcap file can keep without losing digits.</summary>
    public TimestampPrecision Precision => UnitsPerSecond <= 1_000_000 ? TimestampPrecision.Microseconds : TimestampPrecision.Nanoseconds;
}
