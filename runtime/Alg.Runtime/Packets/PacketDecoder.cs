using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Alg.Runtime.Packets;

/// <summary>Decodes a captured frame into a <see cref="PacketInfo"/> in one pass, without allocating.</summary>
/// <remarks>
/// Malformed input never throws: it sets <see cref="PacketInfo.DropReason"/>. Non-IP frames decode fine with
/// <see cref="PacketFlags.NotIp"/> so a gateway can pass them on untouched.
/// </remarks>
public static class PacketDecoder
{
    public const ushort EtherTypeIpv4 = 0x0800;
    public const ushort EtherTypeIpv6 = 0x86DD;
    public const ushort EtherTypeVlan = 0x8100;
    public const ushort EtherTypeQinQ = 0x88A8;

    private const int MaxVlanTags = 2;
    private const int MaxIpv6ExtensionHeaders = 8;

    public static bool IsSupported(LinkType linkType) => linkType is LinkType.Ethernet or LinkType.RawIp
        or LinkType.LinuxSll or LinkType.LinuxSll2 or LinkType.RawIpv4 or LinkType.RawIpv6;

    /// <summary>Decodes <paramref name="frame"/>; returns false (and sets the drop reason) when malformed.</summary>
    public static bool Decode(ReadOnlySpan<byte> frame, LinkType linkType, out PacketInfo info)
    {
        info = default;
        info.LinkType = linkType;
        var reason = DecodeLink(frame, linkType, ref info);
        info.DropReason = reason;
        return reason == DropReason.None;
    }

    private static DropReason DecodeLink(ReadOnlySpan<byte> frame, LinkType linkType, ref PacketInfo info)
    {
        int offset;
        ushort etherType;
        switch (linkType)
        {
            case LinkType.Ethernet:
                if (frame.Length < 14)
                {
                    return DropReason.TruncatedLinkHeader;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
                offset = 14;
                for (var tags = 0; tags < MaxVlanTags && etherType is EtherTypeVlan or EtherTypeQinQ; tags++)
                {
                    // IEEE 802.1Q: TCI (PCP, DEI, 12-bit VID) then the inner EtherType.
                    if (frame.Length < offset + 4)
                    {
                        return DropReason.TruncatedLinkHeader;
                    }

                    info.Flags |= PacketFlags.Vlan;
                    info.VlanId = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]) & 0x0FFF);
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
                    offset += 4;
                }

                break;
            case LinkType.LinuxSll:
                // SLL v1: packet type, ARPHRD, addr len, 8-byte addr, protocol at 14.
                if (frame.Length < 16)
                {
                    return DropReason.TruncatedLinkHeader;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[14..]);
                offset = 16;
                break;
            case LinkType.LinuxSll2:
                // SLL v2: protocol first, then reserved, ifindex, ARPHRD, type, addr len, 8-byte addr.
                if (frame.Length < 20)
                {
                    return DropReason.TruncatedLinkHeader;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame);
                offset = 20;
                break;
            case LinkType.RawIp:
                if (frame.Length < 1)
                {
                    return DropReason.TruncatedIpHeader;
                }

                etherType = (frame[0] >> 4) == 6 ? EtherTypeIpv6 : EtherTypeIpv4;
                offset = 0;
                break;
            case LinkType.RawIpv4:
                etherType = EtherTypeIpv4;
                offset = 0;
                break;
            case LinkType.RawIpv6:
                etherType = EtherTypeIpv6;
                offset = 0;
                break;
            default:
                return DropReason.UnsupportedLinkType;
        }

        info.EtherType = etherType;
        info.NetworkOffset = offset;
        return etherType switch
        {
            EtherTypeIpv4 => DecodeIpv4(frame, offset, ref info),
            EtherTypeIpv6 => DecodeIpv6(frame, offset, ref info),
            _ => MarkNotIp(frame, ref info),
        };
    }

    private static DropReason MarkNotIp(ReadOnlySpan<byte> frame, ref PacketInfo info)
    {
        info.Flags |= PacketFlags.NotIp;
        info.PacketEnd = frame.Length;
        return DropReason.None;
    }

    private static DropReason DecodeIpv4(ReadOnlySpan<byte> frame, int offset, ref PacketInfo info)
    {
        // RFC 791 §3.1.
        if (frame.Length - offset < 20)
        {
            return DropReason.TruncatedIpHeader;
        }

        var ip = frame[offset..];
        if ((ip[0] >> 4) != 4)
        {
            return DropReason.BadIpVersion;
        }

        var headerLength = (ip[0] & 0x0F) * 4;
        if (headerLength < 20)
        {
            return DropReason.BadIpv4HeaderLength;
        }

        if (headerLength > ip.Length)
        {
            return DropReason.TruncatedIpHeader;
        }

        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (totalLength < headerLength)
        {
            return DropReason.BadIpTotalLength;
        }

        if (totalLength > ip.Length)
        {
            return DropReason.IpTotalLengthExceedsCaptured;
        }

        info.IpVersion = 4;
        if (headerLength > 20)
        {
            info.Flags |= PacketFlags.Ipv4Options;
        }

        info.IpIdentification = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        var fragmentField = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
        var moreFragments = (fragmentField & 0x2000) != 0;
        info.FragmentOffset = (ushort)((fragmentField & 0x1FFF) * 8);
        info.Protocol = ip[9];
        info.SourceAddress = BinaryPrimitives.ReadUInt32BigEndian(ip[12..]);
        info.DestinationAddress = BinaryPrimitives.ReadUInt32BigEndian(ip[16..]);
        info.TransportOffset = offset + headerLength;
        info.PayloadOffset = info.TransportOffset;
        info.PacketEnd = offset + totalLength;
        if (moreFragments || info.FragmentOffset != 0)
        {
            info.Flags |= PacketFlags.Fragment;
            if (info.FragmentOffset != 0)
            {
                // Only the first fragment carries the transport header.
                return DropReason.None;
            }

            info.Flags |= PacketFlags.FirstFragment;
        }

        return DecodeTransport(frame[..info.PacketEnd], ref info, isIpv6: false);
    }

    private static DropReason DecodeIpv6(ReadOnlySpan<byte> frame, int offset, ref PacketInfo info)
    {
        // RFC 8200 §3; extension headers §4.
        if (frame.Length - offset < 40)
        {
            return DropReason.TruncatedIpHeader;
        }

        var ip = frame[offset..];
        if ((ip[0] >> 4) != 6)
        {
            return DropReason.BadIpVersion;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        if (40 + payloadLength > ip.Length)
        {
            return DropReason.IpTotalLengthExceedsCaptured;
        }

        info.IpVersion = 6;
        info.Flags |= PacketFlags.Ipv6;
        info.PacketEnd = offset + 40 + payloadLength;
        var next = ip[6];
        var position = offset + 40;
        for (var count = 0; ; count++)
        {
            if (count == MaxIpv6ExtensionHeaders)
            {
                return DropReason.Ipv6ExtensionChainTooLong;
            }

            int extensionLength;
            switch (next)
            {
                case IpProtocol.HopByHop:
                case IpProtocol.Ipv6Routing:
                case IpProtocol.Ipv6DestinationOptions:
                case IpProtocol.Mobility:
                    if (info.PacketEnd - position < 8)
                    {
                        return DropReason.TruncatedIpHeader;
                    }

                    extensionLength = (frame[position + 1] + 1) * 8;
                    break;
                case IpProtocol.Ah:
                    // RFC 4302 §2.2: AH length is in 4-byte units minus 2.
                    if (info.PacketEnd - position < 8)
                    {
                        return DropReason.TruncatedIpHeader;
                    }

                    extensionLength = (frame[position + 1] + 2) * 4;
                    break;
                case IpProtocol.Ipv6Fragment:
                    if (info.PacketEnd - position < 8)
                    {
                        return DropReason.TruncatedIpHeader;
                    }

                    var fragmentField = BinaryPrimitives.ReadUInt16BigEndian(frame[(position + 2)..]);
                    info.FragmentOffset = (ushort)(fragmentField & 0xFFF8);
                    info.Flags |= PacketFlags.Fragment;
                    if (info.FragmentOffset == 0)
                    {
                        info.Flags |= PacketFlags.FirstFragment;
                    }

                    extensionLength = 8;
                    break;
                default:
                    info.Protocol = next;
                    info.TransportOffset = position;
                    info.PayloadOffset = position;
                    if (info.FragmentOffset != 0 || next == IpProtocol.Ipv6NoNext)
                    {
                        return DropReason.None;
                    }

                    return DecodeTransport(frame[..info.PacketEnd], ref info, isIpv6: true);
            }

            if (position + extensionLength > info.PacketEnd)
            {
                return DropReason.TruncatedIpHeader;
            }

            next = frame[position];
            position += extensionLength;
        }
    }

    private static DropReason DecodeTransport(ReadOnlySpan<byte> packet, ref PacketInfo info, bool isIpv6)
    {
        var offset = info.TransportOffset;
        var available = packet.Length - offset;
        switch (info.Protocol)
        {
            case IpProtocol.Tcp:
            {
                // RFC 9293 §3.1.
                if (available < 20)
                {
                    return DropReason.TruncatedTransportHeader;
                }

                var tcp = packet[offset..];
                var dataOffset = (tcp[12] >> 4) * 4;
                if (dataOffset < 20)
                {
                    return DropReason.BadTcpDataOffset;
                }

                if (dataOffset > available)
                {
                    return DropReason.TruncatedTransportHeader;
                }

                SetPorts(tcp, ref info);
                info.TcpSequence = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]);
                info.TcpAcknowledgment = BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]);
                info.TcpFlags = (TcpFlags)tcp[13];
                info.PayloadOffset = offset + dataOffset;
                return DropReason.None;
            }

            case IpProtocol.Udp:
            {
                // RFC 768.
                if (available < 8)
                {
                    return DropReason.TruncatedTransportHeader;
                }

                var udp = packet[offset..];
                int udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
                var isFragment = (info.Flags & PacketFlags.Fragment) != 0;

                // A first fragment holds only part of the datagram, so its UDP length is checked after reassembly.
                if (udpLength < 8 || (!isFragment && udpLength > available))
                {
                    return DropReason.BadUdpLength;
                }

                SetPorts(udp, ref info);
                if (!isIpv6 && BinaryPrimitives.ReadUInt16BigEndian(udp[6..]) == 0)
                {
                    info.Flags |= PacketFlags.UdpChecksumAbsent;
                }

                info.PayloadOffset = offset + 8;
                return DropReason.None;
            }

            case IpProtocol.Sctp:
                // RFC 9260 §3.1 common header: ports, verification tag, CRC32c.
                if (available < 12)
                {
                    return DropReason.TruncatedTransportHeader;
                }

                SetPorts(packet[offset..], ref info);
                info.PayloadOffset = offset + 12;
                return DropReason.None;

            case IpProtocol.Icmp:
            case IpProtocol.Icmpv6:
                return DecodeIcmp(packet, ref info, isIpv6);

            case IpProtocol.Gre:
                return DecodeGre(packet, ref info);

            case IpProtocol.Esp:
                // RFC 4303 §2: SPI and sequence number in clear, then the encrypted payload.
                if (available < 8)
                {
                    return DropReason.TruncatedTransportHeader;
                }

                info.EspSpi = BinaryPrimitives.ReadUInt32BigEndian(packet[offset..]);
                info.PayloadOffset = offset + 8;
                return DropReason.None;

            default:
                return DropReason.None;
        }
    }

    private static DropReason DecodeIcmp(ReadOnlySpan<byte> packet, ref PacketInfo info, bool isIpv6)
    {
        var offset = info.TransportOffset;
        if (packet.Length - offset < 8)
        {
            return DropReason.TruncatedTransportHeader;
        }

        var icmp = packet[offset..];
        info.IcmpType = icmp[0];
        info.IcmpCode = icmp[1];
        info.PayloadOffset = offset + 8;
        var isEcho = isIpv6 ? icmp[0] is 128 or 129 : icmp[0] is 8 or 0 or 13 or 14;
        if (isEcho)
        {
            // RFC 792 echo: the identifier plays the part of a port for NAT (RFC 5508 §3.1).
            var identifier = BinaryPrimitives.ReadUInt16BigEndian(icmp[4..]);
            info.SourcePort = identifier;
            info.DestinationPort = identifier;
            info.Flags |= PacketFlags.IcmpQuery | PacketFlags.HasPorts;
            return DropReason.None;
        }

        var isError = isIpv6 ? icmp[0] < 128 : icmp[0] is 3 or 4 or 5 or 11 or 12;
        if (!isError || (info.Flags & PacketFlags.Fragment) != 0)
        {
            return DropReason.None;
        }

        // RFC 792 / RFC 1812 §4.3.2.3: the error carries the offending IP header plus at least 8 bytes.
        var embedded = offset + 8;
        if (isIpv6)
        {
            if (packet.Length - embedded < 40 + 8)
            {
                return DropReason.TruncatedIcmpEmbeddedHeader;
            }
        }
        else
        {
            if (packet.Length - embedded < 20 || (packet[embedded] >> 4) != 4)
            {
                return DropReason.TruncatedIcmpEmbeddedHeader;
            }

            var embeddedHeaderLength = (packet[embedded] & 0x0F) * 4;
            if (embeddedHeaderLength < 20 || packet.Length - embedded < embeddedHeaderLength + 8)
            {
                return DropReason.TruncatedIcmpEmbeddedHeader;
            }
        }

        info.Flags |= PacketFlags.IcmpError;
        info.EmbeddedNetworkOffset = embedded;
        return DropReason.None;
    }

    private static DropReason DecodeGre(ReadOnlySpan<byte> packet, ref PacketInfo info)
    {
        // RFC 2784 §2.1 / RFC 2890 §2 (key, sequence); RFC 2637 §4.1 enhanced GRE version 1.
        var offset = info.TransportOffset;
        if (packet.Length - offset < 4)
        {
            return DropReason.TruncatedTransportHeader;
        }

        var gre = packet[offset..];
        var flags = BinaryPrimitives.ReadUInt16BigEndian(gre);
        var version = flags & 0x7;
        var length = 4;
        if ((flags & 0x8000) != 0)
        {
            length += 4;
        }

        var keyOffset = length;
        if ((flags & 0x2000) != 0)
        {
            length += 4;
        }

        if ((flags & 0x1000) != 0)
        {
            length += 4;
        }

        if (version == 1)
        {
            // Enhanced GRE: key present, checksum absent; the acknowledgment bit adds 4 bytes.
            if ((flags & 0x2000) == 0 || (flags & 0x8000) != 0)
            {
                return DropReason.BadGreHeader;
            }

            if ((flags & 0x0080) != 0)
            {
                length += 4;
            }
        }
        else if (version != 0)
        {
            return DropReason.BadGreHeader;
        }

        if (gre.Length < length)
        {
            return DropReason.TruncatedTransportHeader;
        }

        if (version == 1)
        {
            info.Flags |= PacketFlags.EnhancedGre;
            info.GreCallId = BinaryPrimitives.ReadUInt16BigEndian(gre[(keyOffset + 2)..]);
        }

        info.PayloadOffset = offset + length;
        return DropReason.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetPorts(ReadOnlySpan<byte> transport, ref PacketInfo info)
    {
        info.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(transport);
        info.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(transport[2..]);
        info.Flags |= PacketFlags.HasPorts;
    }
}
