namespace Alg.Runtime.Packets;

/// <summary>The link-layer header types Alg reads, numbered as in the tcpdump LINKTYPE_ registry.</summary>
public enum LinkType : ushort
{
    Ethernet = 1,

    /// <summary>Raw IP: the first nibble says whether the packet is IPv4 or IPv6.</summary>
    RawIp = 101,

    /// <summary>Linux cooked capture v1 (16-byte header), what <c>tcpdump -i any</c> writes.</summary>
    LinuxSll = 113,

    RawIpv4 = 228,
    RawIpv6 = 229,

    /// <summary>Linux cooked capture v2 (20-byte header).</summary>
    LinuxSll2 = 276,
}
