using System.Buffers.Binary;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>
/// Multi-homing under NAT (RFC 9260 §3.3.2.1, §6.4; algs.md §11.3): the IPv4 address parameters of an INIT or INIT ACK.
/// From the inside end, its own address becomes the public one (same length, in place) and any other of its IPv4
/// addresses is removed, with the chunk's length (it cannot be reached through the NAT, and a private address must not
/// leak); from the outside end, each other address it lists may carry the same association: a pinhole from it, on the
/// association's own ports, to the inside end. IPv6 addresses are left alone (the gateway translates IPv4 only).
/// </summary>
internal static class SctpAddressRewriter
{
    private const int AddressParameterLength = 8;

    /// <summary>Pinholes of one association's other paths (one group, so a repeated INIT ACK replaces them).</summary>
    private const long PathGroup = 2;

    public static void FromInside(in AlgFlowContext context, ReadOnlySpan<byte> packet, in SctpChunk chunk, ref AlgOutput output)
    {
        if (!context.Translated)
        {
            return;
        }

        var parametersStart = chunk.Offset + SctpChunk.HeaderLength + SctpPacketParser.InitFixedLength;
        var parameters = packet[parametersStart..(chunk.Offset + chunk.Length)];
        var removed = 0;
        var reader = new SctpParameterReader(parameters);
        Span<int> removals = stackalloc int[16];
        Span<int> translations = stackalloc int[16];
        var translationCount = 0;
        while (reader.TryNext(out var type, out var offset, out var length))
        {
            if (type != SctpParameterReader.Ipv4Address || length != AddressParameterLength)
            {
                continue;
            }

            var address = BinaryPrimitives.ReadUInt32BigEndian(parameters[(offset + 4)..]);
            if (address == context.Inside.Address)
            {
                if (translationCount < translations.Length)
                {
                    translations[translationCount++] = parametersStart + offset;
                }
            }
            else if (removed < removals.Length)
            {
                removals[removed++] = parametersStart + offset;
            }
        }

        if (translationCount == 0 && removed == 0)
        {
            return;
        }

        if (!output.HasRoomFor(1 + translationCount + removed, 2 + (4 * translationCount)))
        {
            output.ReportPartRefused("SCTP: an INIT's address parameters did not fit the rewrite buffer; left as they are");
            return;
        }

        if (removed > 0)
        {
            // RFC 9260 §3.2: the chunk's Length counts its header and value; each removed parameter is 8 bytes, unpadded.
            output.TryRewrite(chunk.Offset + 2, 2, 2, out var lengthField);
            BinaryPrimitives.WriteUInt16BigEndian(lengthField, (ushort)(chunk.Length - (removed * AddressParameterLength)));
            output.ReportPartRefused("SCTP: an inside end's other IPv4 address removed from its INIT or INIT ACK: unreachable through the NAT (algs.md §11.3)");
        }

        // Ascending offsets: merge the two sorted lists.
        var t = 0;
        var r = 0;
        while (t < translationCount || r < removed)
        {
            if (r >= removed || (t < translationCount && translations[t] < removals[r]))
            {
                output.TryRewrite(translations[t] + 4, 4, 4, out var address);
                BinaryPrimitives.WriteUInt32BigEndian(address, context.Mapped.Address);
                t++;
            }
            else
            {
                output.TryRewrite(removals[r], AddressParameterLength, ReadOnlySpan<byte>.Empty);
                r++;
            }
        }
    }

    public static void FromOutside(in AlgFlowContext context, SctpAssociation association, SctpSettings settings, ReadOnlySpan<byte> packet, in SctpChunk chunk, ref AlgOutput output)
    {
        var parametersStart = chunk.Offset + SctpChunk.HeaderLength + SctpPacketParser.InitFixedLength;
        var parameters = packet[parametersStart..(chunk.Offset + chunk.Length)];
        var reader = new SctpParameterReader(parameters);
        var first = true;
        while (reader.TryNext(out var type, out var offset, out var length))
        {
            if (type != SctpParameterReader.Ipv4Address || length != AddressParameterLength)
            {
                continue;
            }

            var address = BinaryPrimitives.ReadUInt32BigEndian(parameters[(offset + 4)..]);
            if (address == context.Remote.Address || !association.AddPeerAddress(address))
            {
                continue;
            }

            if (first)
            {
                output.TryRemovePinholeGroup(PathGroup);
                first = false;
            }

            // The peer's other address reaches the inside end on this association's ports only (algs.md §11.3).
            var path = new ExpectationSpec(
                IpProtocol.Sctp,
                FlowSide.Outside,
                ExpectedPeer.Exactly(address, context.Remote.Port),
                context.Mapped.Address,
                context.Mapped.Port,
                context.Inside.Address,
                context.Inside.Port,
                settings.PinholeLifetime,
                Persistent: true,
                context.Flow,
                context.OwnerTag,
                PathGroup);
            output.TryRequestPinhole(in path);
        }
    }
}
