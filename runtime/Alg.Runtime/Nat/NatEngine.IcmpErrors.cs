using System.Buffers.Binary;
using Alg.Runtime.Checksums;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>ICMP errors: the embedded header is translated back too (RFC 5508 REQ-3, RFC 3022 §4.3).</summary>
public sealed partial class NatEngine
{
    private NatVerdict ProcessIcmpError(Span<byte> frame, ref PacketInfo info, FlowSide side, IngressSide ingress)
    {
        var embedded = frame[info.EmbeddedNetworkOffset..info.PacketEnd];
        var headerLength = (embedded[0] & 0x0F) * 4;
        var protocol = embedded[9];
        var source = BinaryPrimitives.ReadUInt32BigEndian(embedded[12..]);
        var destination = BinaryPrimitives.ReadUInt32BigEndian(embedded[16..]);
        var transport = embedded[headerLength..];
        ushort sourcePort = 0;
        ushort destinationPort = 0;
        var isEcho = protocol == IpProtocol.Icmp && transport[0] is 8 or 0;
        if (protocol is IpProtocol.Tcp or IpProtocol.Udp or IpProtocol.Sctp)
        {
            sourcePort = BinaryPrimitives.ReadUInt16BigEndian(transport);
            destinationPort = BinaryPrimitives.ReadUInt16BigEndian(transport[2..]);
        }
        else if (isEcho)
        {
            sourcePort = destinationPort = BinaryPrimitives.ReadUInt16BigEndian(transport[4..]);
        }

        // The embedded packet travelled the other way, so its reverse is a tuple arriving on this side. An ESP packet
        // that left is found by its security association's one-way reply key, which holds the SPI it left with.
        var isEsp = protocol == IpProtocol.Esp;
        var spi = isEsp ? BinaryPrimitives.ReadUInt32BigEndian(transport) : 0;
        var key = EmbeddedKey(destination, source, destinationPort, sourcePort, protocol, spi, side);
        var index = _flows.Find(key, out var isReply);
        if (index < 0 && ingress == IngressSide.Auto)
        {
            var otherSide = side == FlowSide.Inside ? FlowSide.Outside : FlowSide.Inside;
            index = _flows.Find(EmbeddedKey(destination, source, destinationPort, sourcePort, protocol, spi, otherSide), out isReply);
            side = otherSide;
        }

        if (index < 0)
        {
            return CountDrop(DropReason.NoMatchingFlowForIcmpError, side);
        }

        ref var flow = ref _flows[index];

        // The embedded packet, as it was before we translated it, is the other key's tuple.
        ref readonly var before = ref isReply ? ref flow.OriginalKey : ref flow.ReplyKey;
        var newEmbeddedSource = before.Source;
        var newEmbeddedDestination = before.Destination;

        // Embedded IP header: addresses and its checksum.
        var embeddedChecksum = BinaryPrimitives.ReadUInt16BigEndian(embedded[10..]);
        embeddedChecksum = IncrementalChecksum.Update(embeddedChecksum, source, newEmbeddedSource);
        embeddedChecksum = IncrementalChecksum.Update(embeddedChecksum, destination, newEmbeddedDestination);
        BinaryPrimitives.WriteUInt32BigEndian(embedded[12..], newEmbeddedSource);
        BinaryPrimitives.WriteUInt32BigEndian(embedded[16..], newEmbeddedDestination);
        BinaryPrimitives.WriteUInt16BigEndian(embedded[10..], embeddedChecksum);

        // Embedded transport: ports and, when it is within the quoted bytes, its checksum.
        if (protocol is IpProtocol.Tcp or IpProtocol.Udp)
        {
            var checksumOffset = protocol == IpProtocol.Tcp ? 16 : 6;
            var hasChecksum = transport.Length >= checksumOffset + 2;
            var checksum = hasChecksum ? BinaryPrimitives.ReadUInt16BigEndian(transport[checksumOffset..]) : (ushort)0;
            var isUdp = protocol == IpProtocol.Udp;
            checksum = Update(checksum, source, newEmbeddedSource, isUdp);
            checksum = Update(checksum, destination, newEmbeddedDestination, isUdp);
            checksum = Update(checksum, sourcePort, before.SourcePort, isUdp);
            checksum = Update(checksum, destinationPort, before.DestinationPort, isUdp);
            BinaryPrimitives.WriteUInt16BigEndian(transport, before.SourcePort);
            BinaryPrimitives.WriteUInt16BigEndian(transport[2..], before.DestinationPort);
            if (hasChecksum)
            {
                BinaryPrimitives.WriteUInt16BigEndian(transport[checksumOffset..], checksum);
            }
        }
        else if (protocol == IpProtocol.Sctp)
        {
            // The CRC32c covers the whole quoted SCTP packet, which an ICMP error truncates: ports only.
            BinaryPrimitives.WriteUInt16BigEndian(transport, before.SourcePort);
            BinaryPrimitives.WriteUInt16BigEndian(transport[2..], before.DestinationPort);
        }
        else if (isEcho)
        {
            var checksum = BinaryPrimitives.ReadUInt16BigEndian(transport[2..]);
            checksum = IncrementalChecksum.Update(checksum, sourcePort, before.SourcePort);
            BinaryPrimitives.WriteUInt16BigEndian(transport[4..], before.SourcePort);
            BinaryPrimitives.WriteUInt16BigEndian(transport[2..], checksum);
        }

        // Outer header: the error goes to whoever sent the embedded packet; a peer reporting on itself is
        // shown with its translated address, a router on the path keeps its own.
        var outerSource = info.SourceAddress == destination ? newEmbeddedDestination : info.SourceAddress;
        PacketRewriter.RewriteIpv4(frame, ref info, outerSource, 0, newEmbeddedSource, 0);

        // The ICMP checksum covers the quoted packet we just changed: recompute it whole (errors are small).
        var icmp = frame[info.TransportOffset..info.PacketEnd];
        BinaryPrimitives.WriteUInt16BigEndian(icmp[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(icmp[2..], InternetChecksum.Compute(icmp));
        PacketsTranslated++;
        return new NatVerdict(NatAction.Forward, DropReason.None, _flows.IdOf(index), !isReply, side);
    }

    private static FlowKey EmbeddedKey(uint source, uint destination, ushort sourcePort, ushort destinationPort, byte protocol, uint spi, FlowSide side) =>
        protocol == IpProtocol.Esp
            ? FlowKey.OneWay(source, destination, (ushort)(spi >> 16), (ushort)spi, protocol, side)
            : new FlowKey(source, destination, sourcePort, destinationPort, protocol, side);

    private static ushort Update(ushort checksum, uint oldValue, uint newValue, bool isUdp) =>
        isUdp ? IncrementalChecksum.UpdateUdp(checksum, oldValue, newValue) : IncrementalChecksum.Update(checksum, oldValue, newValue);

    private static ushort Update(ushort checksum, ushort oldValue, ushort newValue, bool isUdp) =>
        isUdp ? IncrementalChecksum.UpdateUdp(checksum, oldValue, newValue) : IncrementalChecksum.Update(checksum, oldValue, newValue);
}
