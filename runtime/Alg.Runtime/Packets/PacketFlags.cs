namespace Alg.Runtime.Packets;

/// <summary>Facts about a decoded packet that steer later stages.</summary>
[Flags]
public enum PacketFlags : ushort
{
    None = 0,

    /// <summary>The frame is not IP (ARP, LLDP...): forwarded untouched, never translated.</summary>
    NotIp = 1 << 0,

    Vlan = 1 << 1,

    /// <summary>An IPv4 fragment (MF set or a non-zero offset): transport fields are only valid on the first.</summary>
    Fragment = 1 << 2,

    FirstFragment = 1 << 3,
    HasPorts = 1 << 4,

    /// <summary>ICMP echo request/reply: the identifier stands in for both ports.</summary>
    IcmpQuery = 1 << 5,

    /// <summary>ICMP error carrying the header of the packet that caused it.</summary>
    IcmpError = 1 << 6,

    Ipv4Options = 1 << 7,
    Ipv6 = 1 << 8,

    /// <summary>UDP over IPv4 with checksum 0: RFC 768 "no checksum", which must stay 0.</summary>
    UdpChecksumAbsent = 1 << 9,

    /// <summary>PPTP enhanced GRE (version 1); <see cref="PacketInfo.GreCallId"/> is valid.</summary>
    EnhancedGre = 1 << 10,

    /// <summary>Put together from IP fragments before the walk (RFC 4787 REQ-14): an ALG that inspects only what came whole
    /// can tell (ScreenOS iChat without re-assembly).</summary>
    Reassembled = 1 << 11,
}
