using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Alg.Runtime.Checksums;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>Rewrites IPv4 addresses and ports in place, fixing every checksum that covers them.</summary>
/// <remarks>
/// IPv4 header, TCP and UDP checksums are updated incrementally (RFC 1624 §3); a UDP checksum of 0 stays 0
/// (RFC 768). ICMP queries carry the identifier in the ICMP checksum only (no pseudo-header, RFC 792). SCTP's
/// CRC32c cannot be updated incrementally, so it is recomputed when a port changes (RFC 9260 §6.8); it does not
/// cover addresses. A packet that arrived with a wrong CRC32c leaves with one wrong by as much: recomputing must not
/// make a corrupted packet look good.
/// </remarks>
public static class PacketRewriter
{
    /// <summary>Rewrites the outer tuple of a decoded, unfragmented IPv4 packet.</summary>
    public static void RewriteIpv4(Span<byte> frame, ref PacketInfo info, uint source, ushort sourcePort, uint destination, ushort destinationPort)
    {
        var ip = frame[info.NetworkOffset..];
        var ipChecksum = BinaryPrimitives.ReadUInt16BigEndian(ip[10..]);
        var transportChecksumOffset = TransportChecksumOffset(ref info);
        var transportChecksum = transportChecksumOffset < 0 ? (ushort)0 : BinaryPrimitives.ReadUInt16BigEndian(frame[transportChecksumOffset..]);
        var isUdp = info.Protocol == IpProtocol.Udp;
        var pseudoHeaderCovered = info.Protocol is IpProtocol.Tcp or IpProtocol.Udp;

        if (source != info.SourceAddress)
        {
            BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
            ipChecksum = IncrementalChecksum.Update(ipChecksum, info.SourceAddress, source);
            if (pseudoHeaderCovered)
            {
                transportChecksum = UpdateTransport(transportChecksum, info.SourceAddress, source, isUdp);
            }

            info.SourceAddress = source;
        }

        if (destination != info.DestinationAddress)
        {
            BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
            ipChecksum = IncrementalChecksum.Update(ipChecksum, info.DestinationAddress, destination);
            if (pseudoHeaderCovered)
            {
                transportChecksum = UpdateTransport(transportChecksum, info.DestinationAddress, destination, isUdp);
            }

            info.DestinationAddress = destination;
        }

        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], ipChecksum);
        if ((info.Flags & PacketFlags.HasPorts) == 0)
        {
            return;
        }

        var transport = frame[info.TransportOffset..];
        if ((info.Flags & PacketFlags.IcmpQuery) != 0)
        {
            // The echo identifier: source side for requests leaving, destination side for replies coming back.
            var identifier = info.IcmpType is 8 or 13 ? sourcePort : destinationPort;
            var old = BinaryPrimitives.ReadUInt16BigEndian(transport[4..]);
            if (identifier != old)
            {
                BinaryPrimitives.WriteUInt16BigEndian(transport[4..], identifier);
                transportChecksum = IncrementalChecksum.Update(transportChecksum, old, identifier);
                info.SourcePort = identifier;
                info.DestinationPort = identifier;
            }
        }
        else
        {
            var portsChanged = false;
            var sctpError = info.Protocol == IpProtocol.Sctp && (sourcePort != info.SourcePort || destinationPort != info.DestinationPort)
                ? SctpChecksumError(frame[info.TransportOffset..info.PacketEnd])
                : 0u;
            if (sourcePort != info.SourcePort)
            {
                BinaryPrimitives.WriteUInt16BigEndian(transport, sourcePort);
                transportChecksum = UpdateTransport(transportChecksum, info.SourcePort, sourcePort, isUdp);
                info.SourcePort = sourcePort;
                portsChanged = true;
            }

            if (destinationPort != info.DestinationPort)
            {
                BinaryPrimitives.WriteUInt16BigEndian(transport[2..], destinationPort);
                transportChecksum = UpdateTransport(transportChecksum, info.DestinationPort, destinationPort, isUdp);
                info.DestinationPort = destinationPort;
                portsChanged = true;
            }

            if (portsChanged && info.Protocol == IpProtocol.Sctp)
            {
                RecomputeSctpChecksum(frame[info.TransportOffset..info.PacketEnd], sctpError);
                return;
            }
        }

        if (transportChecksumOffset >= 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame[transportChecksumOffset..], transportChecksum);
        }
    }

    /// <summary>Writes the call id of an enhanced GRE packet's key (RFC 2637 §4.1: after the payload length). Version 1
    /// carries no GRE checksum, and the IP header checksum does not cover the key.</summary>
    public static void RewriteGreCallId(Span<byte> frame, ref PacketInfo info, ushort callId)
    {
        BinaryPrimitives.WriteUInt16BigEndian(frame[(info.TransportOffset + 6)..], callId);
        info.GreCallId = callId;
    }

    /// <summary>RFC 9260 §6.8: CRC32c over the whole SCTP packet with the checksum field zero, stored little-endian.</summary>
    /// <param name="error">How wrong the checksum the packet came with was (<see cref="SctpChecksumError"/>): kept.</param>
    public static void RecomputeSctpChecksum(Span<byte> sctpPacket, uint error = 0)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(sctpPacket[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(sctpPacket[8..], Crc32c.Compute(sctpPacket) ^ error);
    }

    /// <summary>True when the SCTP packet's CRC32c is right.</summary>
    public static bool SctpChecksumValid(ReadOnlySpan<byte> sctpPacket) => SctpChecksumError(sctpPacket) == 0;

    /// <summary>The stored CRC32c XOR the right one: 0 for a good packet.</summary>
    public static uint SctpChecksumError(ReadOnlySpan<byte> sctpPacket)
    {
        if (sctpPacket.Length < 12)
        {
            return 0;
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(sctpPacket[8..]);
        var crc = Crc32c.Append(0xFFFFFFFF, sctpPacket[..8]);
        crc = Crc32c.Append(crc, [0, 0, 0, 0]);
        crc = Crc32c.Append(crc, sctpPacket[12..]);
        return ~crc ^ stored;
    }

    /// <summary>Offset in the frame of the checksum the transport header carries, or -1 (none, or 0 in IPv4 UDP).</summary>
    private static int TransportChecksumOffset(ref PacketInfo info) => info.Protocol switch
    {
        IpProtocol.Tcp => info.TransportOffset + 16,
        IpProtocol.Udp => (info.Flags & PacketFlags.UdpChecksumAbsent) != 0 ? -1 : info.TransportOffset + 6,
        IpProtocol.Icmp when (info.Flags & PacketFlags.IcmpQuery) != 0 => info.TransportOffset + 2,
        _ => -1,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort UpdateTransport(ushort checksum, uint oldValue, uint newValue, bool isUdp) =>
        isUdp ? IncrementalChecksum.UpdateUdp(checksum, oldValue, newValue) : IncrementalChecksum.Update(checksum, oldValue, newValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort UpdateTransport(ushort checksum, ushort oldValue, ushort newValue, bool isUdp) =>
        isUdp ? IncrementalChecksum.UpdateUdp(checksum, oldValue, newValue) : IncrementalChecksum.Update(checksum, oldValue, newValue);
}
