using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.SqlNet;

/// <summary>
/// Acts on a redirect's text (algs.md §8.2): every TCP (ADDRESS=...) naming the server that sent it is rewritten to the
/// address the client can reach and opens one single-use pinhole for the redirected connection, which the ALG itself
/// goes on inspecting (<see cref="ExpectationSpec.InspectedBy"/>).
/// </summary>
/// <remarks>
/// <para>Server inside (static NAT, port forward): HOST, its private address, becomes the public one and PORT a public
/// port the NAT reserves for it; the TNS length and the redirect-data length follow the text. The pinhole admits the
/// client (any source port: it is a fresh connection) to that public endpoint only, sent on to the server's.</para>
/// <para>Server outside, client inside: nothing is rewritten (the address is real). The outbound pinhole from the
/// client to HOST:PORT only exists so the new connection is inspected too: a listener may redirect again.</para>
/// <para>Refused, counted, nothing opened or rewritten for that address: a HOST other than the sending server (a third
/// host or a neighbour: the NAT Slipstreaming shape, algs.md §8.3), a host name or IPv6 literal (cannot be
/// translated), a port below 1024 or none.</para>
/// </remarks>
internal static class SqlNetRewriter
{
    /// <summary>The pinhole group of a TNS connection's redirect: a later REDIRECT on the connection replaces it.</summary>
    public const long RedirectGroup = 1;

    private const string ClientPortReason = "a redirected TNS client dials from a fresh ephemeral port (algs.md §8.1)";

    /// <param name="unit">The REDIRECT (and the DATA holding its text) from its first byte.</param>
    /// <param name="unitOffset">Where the unit starts in the ALG's data.</param>
    /// <param name="canRewrite">The unit's first byte is still in this packet (held back, or not yet sent).</param>
    public static void OnRedirectText(in AlgFlowContext context, SqlNetSettings settings, ReadOnlySpan<byte> unit, int textOffset, int textLength, in SqlNetLengthFields lengths, int unitOffset, bool canRewrite, ref AlgOutput output)
    {
        Span<SqlNetAddress> addresses = stackalloc SqlNetAddress[SqlNetSettings.MaxAddresses];
        if (SqlNetDescriptorScanner.Scan(unit.Slice(textOffset, textLength), addresses, out var count, out var error) == SqlNetParseStatus.Error)
        {
            output.ReportMalformed(SqlNetPacketParser.Describe(error) + "; nothing opens");
            return;
        }

        var senderInside = context.ArrivalSide == FlowSide.Inside;
        var sender = senderInside ? context.Inside.Address : context.Remote.Address;
        Span<TextEdit> edits = stackalloc TextEdit[(2 * SqlNetSettings.MaxAddresses) + 2];
        var editCount = 0;
        var replaced = false;
        for (var i = 0; i < count; i++)
        {
            var address = addresses[i];
            if (!address.IsTcp)
            {
                // IPC or BEQ: a local hand-off, nothing on the network to translate or let in.
                continue;
            }

            if (address.HostKind == SqlNetHostKind.Other)
            {
                output.ReportPartRefused("SQL*Net: a redirect HOST that is a name or IPv6 literal cannot be translated (algs.md §8.2); nothing opens");
                continue;
            }

            if (address.HostKind == SqlNetHostKind.Missing || address.Port < 0)
            {
                output.ReportPartRefused("SQL*Net: a redirect ADDRESS without HOST or a PORT number (algs.md §8.1); nothing opens");
                continue;
            }

            if (address.Host != sender)
            {
                output.ReportPartRefused("SQL*Net: a REDIRECT naming a host other than the server that sent it (algs.md §8.3); nothing opens");
                continue;
            }

            if (address.Port < 1024)
            {
                output.ReportPartRefused("SQL*Net: a REDIRECT to port 0 or below 1024 (algs.md §0.2 #4, §8.3); nothing opens");
                continue;
            }

            ExpectationSpec pinhole;
            if (senderInside)
            {
                var inside = new AlgEndpoint(context.Inside.Address, (ushort)address.Port);
                var mapped = inside;
                if (context.Translated
                    && (!context.Nat.TryReserveMapping(IpProtocol.Tcp, inside, new AlgEndpoint(context.Remote.Address, 0), settings.PinholeLifetime, out mapped, out _) || mapped.Port < 1024))
                {
                    output.ReportPartRefused("SQL*Net: no public port for the redirected connection could be reserved; nothing opens");
                    continue;
                }

                if (mapped.Address != address.Host)
                {
                    TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(textOffset + address.HostStart, address.HostLength, TextEditKind.Address, mapped.Address, 0));
                }

                if (mapped.Port != address.Port)
                {
                    TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(textOffset + address.PortStart, address.PortLength, TextEditKind.Number, 0, mapped.Port));
                }

                pinhole = Pinhole(in context, settings, FlowSide.Outside, context.Remote.Address, mapped, inside);
            }
            else
            {
                var server = new AlgEndpoint(context.Remote.Address, (ushort)address.Port);
                pinhole = Pinhole(in context, settings, FlowSide.Inside, context.Inside.Address, server, server);
            }

            if (!replaced)
            {
                replaced = true;
                output.TryRemovePinholeGroup(RedirectGroup);
            }

            // A refusal below voids the packet's pinholes too (ReportMalformed), so asking now is safe.
            output.TryRequestPinhole(in pinhole);
        }

        if (editCount == 0)
        {
            return;
        }

        if (!canRewrite)
        {
            // Its start already left (the hold was refused: too long, FIN, or the sender retransmitting it): half a
            // rewrite is worse than none, and an unrewritten private address is unreachable, so nothing opens.
            output.ReportMalformed("SQL*Net: a REDIRECT split over segments could not be held back and rewritten whole; nothing opens");
            return;
        }

        if (!AddLengthEdits(edits, ref editCount, in lengths, ref output) || !TextEditPlan.TryEmit(edits[..editCount], unitOffset, ref output))
        {
            output.ReportMalformed("SQL*Net: the rewritten redirect does not fit its length fields or the ALG's output; nothing opens");
        }
    }

    private static bool AddLengthEdits(scoped Span<TextEdit> edits, ref int editCount, in SqlNetLengthFields lengths, ref AlgOutput output)
    {
        var delta = 0;
        foreach (var edit in edits[..editCount])
        {
            delta += edit.Delta;
        }

        if (delta == 0)
        {
            return true;
        }

        if (lengths.RedirectLengthSent)
        {
            // The REDIRECT that counts this text left before its DATA came (a listener that waits for the ACK of a
            // small segment, Nagle). A shorter text keeps its length with blanks after the last value, which the
            // descriptor syntax allows; a longer one cannot be told.
            if (delta > 0 || editCount == edits.Length)
            {
                output.ReportMalformed("SQL*Net: the REDIRECT counting this text already left and the text would grow; nothing opens");
                return false;
            }

            var last = edits[editCount - 1];
            edits[editCount++] = new TextEdit(last.Offset + last.OldLength, 0, TextEditKind.Blanks, 0, -delta);
            return true;
        }

        var packetLength = lengths.PacketLength + delta;
        var packetMax = lengths.PacketLengthSize == 2 ? ushort.MaxValue : SqlNetPacketParser.MaxPacketLength;
        var redirectLength = lengths.RedirectLength + delta;
        if (packetLength > packetMax || redirectLength > ushort.MaxValue)
        {
            return false;
        }

        var added = TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(lengths.PacketLengthOffset, lengths.PacketLengthSize, TextEditKind.BigEndianNumber, 0, packetLength));
        if (lengths.RedirectLengthOffset >= 0)
        {
            added &= TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(lengths.RedirectLengthOffset, 2, TextEditKind.BigEndianNumber, 0, redirectLength));
        }

        return added;
    }

    /// <summary>The redirected connection's pinhole: from <paramref name="client"/> (any port), arriving on
    /// <paramref name="arrivalSide"/> at <paramref name="local"/>, sent on to <paramref name="translated"/>, and inspected
    /// by this ALG whatever its port.</summary>
    private static ExpectationSpec Pinhole(in AlgFlowContext context, SqlNetSettings settings, FlowSide arrivalSide, uint client, AlgEndpoint local, AlgEndpoint translated) =>
        new(
            IpProtocol.Tcp,
            arrivalSide,
            ExpectedPeer.AddressOnly(client, ClientPortReason),
            local.Address,
            local.Port,
            translated.Address,
            translated.Port,
            settings.PinholeLifetime,
            Persistent: false,
            context.Flow,
            context.OwnerTag,
            RedirectGroup,
            InspectedBy: context.OwnerTag);
}
