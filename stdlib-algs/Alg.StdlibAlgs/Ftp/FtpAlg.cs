using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Ftp;

/// <summary>
/// FTP ALG (RFC 959, RFC 2428, RFC 1123 §4.1.2.6): rewrites the sender's own endpoint in PORT, EPRT, 227 and 229 to its
/// public mapping and opens one pinhole for the data connection it announces.
/// </summary>
/// <remarks>
/// <para>Framing. The control connection is read as the stage gives it: the in-order byte stream of each direction,
/// consumed a whole line at a time, so every line is parsed from a line start derived from the stream — never from a
/// segment start (NAT Slipstreaming: a segment boundary inside a line is not a line start, and a PORT in the middle of a
/// line is text). Several lines in one segment are all read (Linux reads one per segment). A line that may announce an
/// endpoint and has not ended is held back by the stage and rewritten whole with the segment that completes it (Linux
/// drops such a segment to make TCP retransmit it). Multi-line replies are followed (RFC 959 §4.2), so a 227's numbers
/// are found on a continuation line too.</para>
/// <para>Not FTP. The first client line must be an FTP command and the first server line a reply; otherwise the
/// connection is not inspected again (an HTTP request sent to port 21 is not FTP, alg-behaviour §3 T1).</para>
/// <para>AUTH TLS/SSL answered by 234 (RFC 4217 §4) makes the channel opaque: inspection ends there.</para>
/// <para>Policy. Only options the user configured drop: ASA <c>inspect ftp strict</c> and the commands an inspect map
/// denies; both drop the whole connection, as the ASA resets it (a packet-only drop of a TCP segment whose bytes the
/// stage already read would let its retransmission through uninspected).</para>
/// </remarks>
public sealed class FtpAlg : IAlgHandler
{
    private const int Client = 0;
    private const int Server = 1;

    public AlgDescriptor Descriptor => FtpAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new FtpSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Tcp ? new FtpSession() : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not FtpSession session)
        {
            return;
        }

        var settings = context.SettingsAs<FtpSettings>();
        var fromClient = context.Direction == AlgDirection.Original;
        var direction = fromClient ? Client : Server;
        var position = 0;
        if (session.MidLine[direction])
        {
            var next = TextLines.NextLineStart(data, 0);
            if (next < 0)
            {
                output.Consumed = data.Length;
                return;
            }

            session.MidLine[direction] = false;
            position = next;
        }

        // Only what the sender inside announces is rewritten, so only its unfinished lines are worth holding.
        var rewrites = context.Translated && context.ArrivalSide == FlowSide.Inside;
        var pinhole = default(ExpectationSpec);
        var hasPinhole = false;
        while (position < data.Length)
        {
            var rest = data[position..];
            var status = fromClient
                ? FtpParser.ParseCommand(rest, out var line, out var error)
                : FtpParser.ParseReply(rest, session.OpenReplyCode, out line, out error);
            if (status == FtpParseStatus.Incomplete)
            {
                if (rewrites && FtpParser.MayAnnounceEndpoint(rest, fromClient, session.OpenReplyCode))
                {
                    output.HoldFrom = position;
                }

                break;
            }

            if (error == FtpParseError.LineTooLong)
            {
                session.MidLine[direction] = true;
                position = data.Length;
                break;
            }

            var canRewrite = position >= context.PacketStart;
            var go = fromClient
                ? OnCommand(in context, session, settings, rest[..line.Length], in line, error, position, canRewrite, ref output, ref pinhole, ref hasPinhole)
                : OnReply(in context, session, settings, rest[..line.Length], in line, error, position, canRewrite, ref output, ref pinhole, ref hasPinhole);
            position += line.Length;
            if (!go)
            {
                break;
            }
        }

        if (hasPinhole)
        {
            FtpRewriter.Open(in pinhole, ref output);
        }

        output.Consumed = position;
    }

    /// <returns>False when nothing more of this connection is to be read (dropped, opaque or not FTP).</returns>
    private static bool OnCommand(in AlgFlowContext context, FtpSession session, FtpSettings settings, ReadOnlySpan<byte> text, in FtpLine line, FtpParseError error, int offset, bool canRewrite, ref AlgOutput output, ref ExpectationSpec pinhole, ref bool hasPinhole)
    {
        if ((settings.Denied & line.Command) != 0)
        {
            return Drop("request-command deny: a command the FTP inspect map denies", ref output);
        }

        if (settings.Strict)
        {
            if (session.AwaitingReply)
            {
                return Drop("ftp strict: a command sent before the previous one was answered (embedded command)", ref output);
            }

            if (!line.EndsWithCrLf)
            {
                return Drop("ftp strict: a command not ended by CRLF (RFC 959 §4.1)", ref output);
            }

            if (AsciiText.StartsWithIgnoreCase(text, "227"u8))
            {
                return Drop("ftp strict: a 227 reply sent by the client (reply spoofing)", ref output);
            }

            if (line.Kind == FtpLineKind.Port && !StrictEndpointOk(in line, ref output))
            {
                return false;
            }

            session.AwaitingReply = true;
        }

        if (!session.ClientSpoke)
        {
            session.ClientSpoke = true;
            if (!line.KnownVerb)
            {
                output.ReportMalformed("FTP: the client's first line is not an FTP command; the connection is not inspected (alg-behaviour T1)");
                output.StopInspecting = true;
                return false;
            }
        }

        if (line.Kind == FtpLineKind.Auth)
        {
            session.AuthPending = true;
        }

        if (line.Kind is FtpLineKind.Port or FtpLineKind.Eprt)
        {
            if (error != FtpParseError.None)
            {
                output.ReportMalformed(line.Kind == FtpLineKind.Port
                    ? "FTP: PORT without six numbers of at most 255 (RFC 959 §4.1.2)"
                    : "FTP: EPRT not <d>af<d>address<d>port<d> with af 1 or 2 (RFC 2428 §2)");
                return true;
            }

            if (FtpRewriter.Act(in context, in line, offset, canRewrite, settings, ref output, out var opened))
            {
                (pinhole, hasPinhole) = (opened, true);
            }
        }

        return true;
    }

    private static bool OnReply(in AlgFlowContext context, FtpSession session, FtpSettings settings, ReadOnlySpan<byte> text, in FtpLine line, FtpParseError error, int offset, bool canRewrite, ref AlgOutput output, ref ExpectationSpec pinhole, ref bool hasPinhole)
    {
        if (error == FtpParseError.NotAReply)
        {
            if (!session.ServerSpoke)
            {
                output.ReportMalformed("FTP: the server's first line is not a reply; the connection is not inspected (alg-behaviour T1)");
                output.StopInspecting = true;
                return false;
            }

            if (settings.Strict && (AsciiText.StartsWithIgnoreCase(text, "port"u8) || AsciiText.StartsWithIgnoreCase(text, "eprt"u8)))
            {
                return Drop("ftp strict: a PORT command sent by the server (command spoofing)", ref output);
            }

            output.ReportMalformed("FTP: a server line without a reply code (RFC 959 §4.2)");
            return true;
        }

        session.ServerSpoke = true;
        if (session.OpenReplyCode == 0)
        {
            session.ReplyAnnounced = false;
        }

        session.OpenReplyCode = line.EndsReply ? 0 : line.ReplyCode;
        if (settings.Strict)
        {
            if (line.ReplyCode >= 400 && FtpParser.QuotesEndpointCommand(TextLines.Content(text)))
            {
                return Drop("ftp strict: a PORT or 227 inside an error reply", ref output);
            }

            if (line.EndsReply && line.ReplyCode >= 200)
            {
                session.AwaitingReply = false;
            }
        }

        if (line.EndsReply && line.ReplyCode >= 200 && session.AuthPending)
        {
            session.AuthPending = false;
            if (line.ReplyCode == 234)
            {
                // RFC 4217 §4: TLS starts right after this line; nothing after it is readable.
                output.StopInspecting = true;
                return false;
            }
        }

        if (line.Kind is FtpLineKind.PassiveReply or FtpLineKind.ExtendedPassiveReply && !session.ReplyAnnounced)
        {
            if (line.HasEndpoint)
            {
                session.ReplyAnnounced = true;
                if (settings.Strict && line.Kind == FtpLineKind.PassiveReply && !StrictEndpointOk(in line, ref output))
                {
                    return false;
                }

                if (FtpRewriter.Act(in context, in line, offset, canRewrite, settings, ref output, out var opened))
            {
                (pinhole, hasPinhole) = (opened, true);
            }
            }
            else if (line.EndsReply)
            {
                if (settings.Strict && line.NumberCount > 0)
                {
                    return Drop("ftp strict: a truncated 227 (fewer than six numbers)", ref output);
                }

                output.ReportMalformed(line.Kind == FtpLineKind.PassiveReply
                    ? "FTP: a 227 reply without h1,h2,h3,h4,p1,p2 (RFC 959 §4.1.2, RFC 1123 §4.1.2.6)"
                    : "FTP: a 229 reply without (|||port|) (RFC 2428 §3)");
            }
        }

        return true;
    }

    /// <summary>ASA strict's checks of a PORT or 227: six numbers (truncated command), at most 8 characters after them
    /// (command pipelining).</summary>
    private static bool StrictEndpointOk(in FtpLine line, ref AlgOutput output)
    {
        if (line.NumberCount != 6)
        {
            return Drop("ftp strict: a truncated PORT or 227 (fewer than six numbers)", ref output);
        }

        if (line.TrailingLength > 8)
        {
            return Drop("ftp strict: more than 8 characters after a PORT's or 227's numbers (command pipelining)", ref output);
        }

        return true;
    }

    private static bool Drop(string reason, ref AlgOutput output)
    {
        output.RequestDrop(reason, wholeConnection: true);
        return false;
    }
}
