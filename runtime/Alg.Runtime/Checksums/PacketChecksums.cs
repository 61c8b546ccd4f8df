using System.Buffers.Binary;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Checksums;

/// <summary>Full checksums of a decoded packet: the IPv4 header and the TCP, UDP, ICMP or ICMPv6 checksum.</summary>
/// <remarks>
/// For when a rewrite is not a field swap (an ALG changed the payload length): recompute in full. Per-field
/// rewrites use <see cref="IncrementalChecksum"/> instead. IPv4 UDP with checksum 0 stays 0 (RFC 768);
/// a computed UDP 0 is sent as 0xFFFF (RFC 768, RFC 8200 §8.1). Fragments are not checksummed (the
/// transport checksum covers the whole datagram).
/// </remarks>
public static class PacketChecksums
{
    /// <summary>Rewrites the IPv4 header checksum (RFC 791 §3.1).</summary>
    public static void FixIpv4Header(Span<byte> frame, in PacketInfo info)
    {
        var ip = frame[info.NetworkOffset..info.TransportOffset];
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Compute(ip));
    }

    /// <summary>Rewrites the transport checksum; false when the packet has none to fix (other protocols, fragments).</summary>
    public static bool FixTransport(Span<byte> frame, in PacketInfo info)
    {
        var offset = ChecksumOffset(in info);
        if (offset < 0)
        {
            return false;
        }

        var transport = frame[info.TransportOffset..info.PacketEnd];
        BinaryPrimitives.WriteUInt16BigEndian(transport[offset..], 0);
        var value = Compute(frame, in info);
        BinaryPrimitives.WriteUInt16BigEndian(transport[offset..], value);
        return true;
    }

    /// <summary>True when the transport checksum verifies (or the packet carries none that can be checked).</summary>
    public static bool TransportValid(ReadOnlySpan<byte> frame, in PacketInfo info)
    {
        if (ChecksumOffset(in info) < 0)
        {
            return true;
        }

        return InternetChecksum.FoldTo16(Sum(frame, in info)) == 0xFFFF;
    }

    private static ushort Compute(ReadOnlySpan<byte> frame, in PacketInfo info)
    {
        var value = InternetChecksum.Finish(Sum(frame, in info));
        return info.Protocol == IpProtocol.Udp && value == 0 ? (ushort)0xFFFF : value;
    }

    private static ulong Sum(ReadOnlySpan<byte> frame, in PacketInfo info)
    {
        var transport = frame[info.TransportOffset..info.PacketEnd];
        ulong sum = 0;
        if (info.Protocol != IpProtocol.Icmp)
        {
            // TCP, UDP and ICMPv6 (RFC 4443 §2.3) cover a pseudo-header; ICMP for IPv4 does not (RFC 792).
            sum = info.IpVersion == 4
                ? InternetChecksum.Ipv4PseudoHeader(info.SourceAddress, info.DestinationAddress, info.Protocol, transport.Length)
                : InternetChecksum.Ipv6PseudoHeader(frame[info.NetworkOffset..], info.Protocol, transport.Length);
        }

        return InternetChecksum.Add(transport, sum);
    }

    private static int ChecksumOffset(in PacketInfo info)
    {
        if (info.IsDropped || (info.Flags & (PacketFlags.Fragment | PacketFlags.NotIp)) != 0)
        {
            return -1;
        }

        return info.Protocol switch
        {
            IpProtocol.Tcp => 16,
            IpProtocol.Udp => (info.Flags & PacketFlags.UdpChecksumAbsent) != 0 ? -1 : 6,
            IpProtocol.Icmp when info.IpVersion == 4 => 2,
            IpProtocol.Icmpv6 when info.IpVersion == 6 => 2,
            _ => -1,
        };
    }
}
