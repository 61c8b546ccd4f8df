using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.SqlNet;

/// <summary>
/// SQL*Net / Oracle TNS ALG (algs.md §8): frames the connection's TNS packets by their length header, reads the
/// listener's REDIRECTs (and the DATA packet that carries the text of a REDIRECT that holds none), rewrites the
/// server's own address in them and opens the redirected connection, which this ALG inspects too.
/// </summary>
/// <remarks>
/// <para>Framing. Packets are read one after the other from the in-order stream (algs.md §0.2 #1): several in a
/// segment are all read, one split over segments is read when whole. Lengths are 2 bytes until an ACCEPT of version
/// 315 or later, 4 after (§8.1). DATA packets are skipped by their length, never buffered. A REDIRECT from an inside
/// server that has not fully arrived, and a text-less REDIRECT whose DATA has not, are held back by the stage and
/// rewritten whole with the segment that completes them.</para>
/// <para>Only REDIRECT and the DATA after a text-less REDIRECT are scanned, as the ASA's SQL*Net v2 inspection
/// (§8.2): CONNECT, ACCEPT, REFUSE, RESEND and the session's DATA are never rewritten.</para>
/// <para>Not TNS. A length or type at a packet boundary that TNS does not allow ends inspection of the connection
/// (alg-behaviour T1): there is no reliable way to find the next header.</para>
/// </remarks>
public sealed class SqlNetAlg : IAlgHandler
{
    /// <summary>The first protocol version whose packets after the ACCEPT carry a 4-byte length (12c, algs.md §8.1).</summary>
    public const int LargeLengthVersion = 315;

    private const int Client = 0;
    private const int Server = 1;

    public AlgDescriptor Descriptor => SqlNetAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new SqlNetSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Tcp ? new SqlNetSession() : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not SqlNetSession session)
        {
            return;
        }

        var settings = context.SettingsAs<SqlNetSettings>();

        // The TNS client always opens the connection (a listener never dials out), so the original direction is its.
        var fromServer = context.Direction == AlgDirection.Reply;
        var direction = fromServer ? Server : Client;
        var position = Math.Min(session.SkipRemaining[direction], data.Length);
        session.SkipRemaining[direction] -= position;

        // Only what an inside server announces is rewritten, so only its unfinished redirects are worth holding.
        var holds = fromServer && context.ArrivalSide == FlowSide.Inside && context.Translated;
        while (position < data.Length)
        {
            var rest = data[position..];
            var status = SqlNetPacketParser.Parse(rest, session.LargeLengths, out var packet, out var error);
            if (status == SqlNetParseStatus.Error)
            {
                output.ReportMalformed(SqlNetPacketParser.Describe(error) + "; the connection is no longer inspected (alg-behaviour T1)");
                output.StopInspecting = true;
                position = data.Length;
                break;
            }

            if (status == SqlNetParseStatus.Incomplete)
            {
                if (packet.Length == 0)
                {
                    // Not even a header yet: during the connect phase it may be a REDIRECT's.
                    if (holds && !session.Accepted)
                    {
                        output.HoldFrom = position;
                    }

                    break;
                }

                if (fromServer && ReadsWhole(in packet, session))
                {
                    if (packet.Length <= SqlNetSettings.MaxRedirectPacketLength)
                    {
                        if (holds)
                        {
                            output.HoldFrom = position;
                        }

                        break;
                    }

                    session.AwaitingRedirectText = false;
                    output.ReportMalformed("SQL*Net: a redirect packet longer than the ALG reads whole passes unread (algs.md §8.3); nothing opens");
                }

                session.SkipRemaining[direction] = packet.Length - rest.Length;
                position = data.Length;
                break;
            }

            var consumed = fromServer ? OnServerPacket(in context, session, settings, rest, in packet, position, holds, ref output) : packet.Length;
            if (consumed == 0)
            {
                // A text-less REDIRECT whose DATA is still to come: both are rewritten together.
                output.HoldFrom = position;
                break;
            }

            position += consumed;
        }

        output.Consumed = position;
    }

    private static bool ReadsWhole(in TnsPacket packet, SqlNetSession session) =>
        packet.Type == TnsPacketType.Redirect || (packet.Type == TnsPacketType.Data && session.AwaitingRedirectText);

    /// <returns>How many bytes were read: the packet, or the REDIRECT and the DATA that holds its text; 0 when that
    /// DATA has not fully arrived and the REDIRECT must wait for it.</returns>
    private static int OnServerPacket(in AlgFlowContext context, SqlNetSession session, SqlNetSettings settings, ReadOnlySpan<byte> rest, in TnsPacket packet, int position, bool holds, ref AlgOutput output)
    {
        var canRewrite = position >= context.PacketStart;
        var awaited = session.AwaitingRedirectText;
        session.AwaitingRedirectText = false;
        switch (packet.Type)
        {
            case TnsPacketType.Accept:
                session.Accepted = true;
                session.LargeLengths |= packet.Version >= LargeLengthVersion;
                return packet.Length;
            case TnsPacketType.Data when awaited:
            {
                var declared = session.DeclaredRedirectLength;
                var available = packet.Length - TnsPacket.DataTextOffset;
                var length = declared > 0 ? Math.Min(declared, available) : available;
                var lengths = new SqlNetLengthFields(0, packet.LengthFieldSize, packet.Length, -1, 0, RedirectLengthSent: declared > 0);
                if (length > 0)
                {
                    SqlNetRewriter.OnRedirectText(in context, settings, rest[..packet.Length], TnsPacket.DataTextOffset, length, in lengths, position, canRewrite, ref output);
                }

                return packet.Length;
            }

            case TnsPacketType.Redirect:
                return OnRedirect(in context, session, settings, rest, in packet, position, holds, canRewrite, ref output);
            default:
                return packet.Length;
        }
    }

    private static int OnRedirect(in AlgFlowContext context, SqlNetSession session, SqlNetSettings settings, ReadOnlySpan<byte> rest, in TnsPacket packet, int position, bool holds, bool canRewrite, ref AlgOutput output)
    {
        var declared = packet.RedirectDataLength;
        var inline = packet.InlineRedirectLength;
        if (declared > 0 && inline == declared)
        {
            var lengths = new SqlNetLengthFields(0, packet.LengthFieldSize, packet.Length, TnsPacket.RedirectLengthOffset, declared);
            SqlNetRewriter.OnRedirectText(in context, settings, rest[..packet.Length], TnsPacket.RedirectTextOffset, declared, in lengths, position, canRewrite, ref output);
            return packet.Length;
        }

        if (declared > 0 && inline > 0)
        {
            output.ReportMalformed("SQL*Net: a redirect text split between the REDIRECT and a DATA packet is not read (algs.md §8.1); nothing opens");
            return packet.Length;
        }

        // No text here: a zero-length REDIRECT (the address is the next DATA) or a length whose text follows in DATA.
        // Read together when the REDIRECT can still be held; once it has left (sender outside, or the hold was
        // released), its DATA is read alone.
        if (!holds || !canRewrite)
        {
            session.AwaitingRedirectText = true;
            session.DeclaredRedirectLength = declared;
            return packet.Length;
        }

        var next = rest[packet.Length..];
        var status = SqlNetPacketParser.Parse(next, session.LargeLengths, out var data, out _);
        if (status == SqlNetParseStatus.Incomplete && (data.Length == 0 || (data.Type == TnsPacketType.Data && data.Length <= SqlNetSettings.MaxRedirectPacketLength)))
        {
            return 0;
        }

        if (status == SqlNetParseStatus.Incomplete && data.Type == TnsPacketType.Data)
        {
            // Too long to hold: the DATA is reported as it passes unread.
            session.AwaitingRedirectText = true;
            session.DeclaredRedirectLength = declared;
            return packet.Length;
        }

        if (status != SqlNetParseStatus.Complete || data.Type != TnsPacketType.Data)
        {
            // The next packet is not the text (or is unreadable: the loop reports it): this REDIRECT named nothing.
            return packet.Length;
        }

        var available = data.Length - TnsPacket.DataTextOffset;
        var length = declared > 0 ? Math.Min(declared, available) : available;
        var fields = new SqlNetLengthFields(packet.Length, data.LengthFieldSize, data.Length, declared > 0 ? TnsPacket.RedirectLengthOffset : -1, declared);
        if (length > 0)
        {
            SqlNetRewriter.OnRedirectText(in context, settings, rest[..(packet.Length + data.Length)], packet.Length + TnsPacket.DataTextOffset, length, in fields, position, canRewrite, ref output);
        }

        return packet.Length + data.Length;
    }
}
