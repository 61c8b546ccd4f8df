namespace Alg.Runtime.Packets;

/// <summary>What one decode step learned about a frame: offsets into it, never copies of it.</summary>
/// <remarks>
/// Offsets are from the start of the frame. <see cref="PacketEnd"/> is the end of the IP datagram, which
/// can be before the end of the frame (Ethernet padding). IPv4 addresses are host-order values; for IPv6
/// they are 0 and the addresses are read at <see cref="NetworkOffset"/> + 8 / + 24.
/// When <see cref="DropReason"/> is not <see cref="Packets.DropReason.None"/> the other fields are only as
/// far as decoding got.
/// </remarks>
public struct PacketInfo
{
    public LinkType LinkType;
    public DropReason DropReason;
    public PacketFlags Flags;
    public ushort EtherType;
    public ushort VlanId;
    public int NetworkOffset;
    public int TransportOffset;
    public int PayloadOffset;
    public int PacketEnd;
    public byte IpVersion;
    public byte Protocol;
    public TcpFlags TcpFlags;
    public byte IcmpType;
    public byte IcmpCode;
    public uint SourceAddress;
    public uint DestinationAddress;

    /// <summary>Source port; for ICMP queries the echo identifier.</summary>
    public ushort SourcePort;

    /// <summary>Destination port; for ICMP queries the echo identifier too.</summary>
    public ushort DestinationPort;

    public ushort IpIdentification;

    /// <summary>Fragment offset in bytes (RFC 791 §3.1 stores it in 8-byte units).</summary>
    public ushort FragmentOffset;

    public uint TcpSequence;
    public uint TcpAcknowledgment;

    /// <summary>PPTP call id from the key field of enhanced GRE (RFC 2637 §4.1).</summary>
    public ushort GreCallId;

    /// <summary>ESP Security Parameters Index (RFC 4303 §2.1), chosen by the receiver of the packet.</summary>
    public uint EspSpi;

    /// <summary>Start of the IP header inside an ICMP error, or 0.</summary>
    public int EmbeddedNetworkOffset;

    public readonly bool IsDropped => DropReason != DropReason.None;

    public readonly int PayloadLength => PacketEnd - PayloadOffset;
}
