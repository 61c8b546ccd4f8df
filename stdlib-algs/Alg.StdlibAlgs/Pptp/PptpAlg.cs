using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.Pptp;

/// <summary>
/// PPTP ALG (RFC 2637, algs.md §10): follows the control connection on TCP 1723 and, for a PNS behind the gateway,
/// gives each of its calls a call id unique at the PAC for the public address, translated in every message that carries
/// it either way; a connected call gets its enhanced GRE tunnel, which the runtime keys by call id, and loses it with
/// the call or the control connection.
/// </summary>
/// <remarks>
/// <para>Framing. Messages are read one after the other by their Length from the in-order stream (algs.md §0.2 #1):
/// several in a segment are all read (Linux reads only the first), one split over segments is held back when it
/// carries a call id to translate and rewritten whole. Bytes at a boundary that are not a control message end
/// inspection of the connection: nothing says where the next one starts.</para>
/// <para>Which ids change. The PNS opens the control connection. From a PNS inside: OCRQ, ICRP and CCRQ <c>Call ID</c>
/// become the public id; from the PAC: OCRP, ICCN, WEN and SLI <c>Peer's Call ID</c> go back to the PNS's own (CDN
/// carries the PAC's id, ICRQ too: nothing to change). A PAC inside (static NAT, port forward) keeps its ids: they are
/// unique for its address already; its calls get tunnels all the same.</para>
/// <para>State (RFC 2637 §3): calls are set up only on an established control connection (SCCRQ, then SCCRP with
/// result 1, as Linux's helper); an OCRP or ICCN for no call this connection asked for opens nothing and is counted.
/// A tunnel opens when OCRP says Connected or ICCN arrives, and closes with CDN, Stop-Control-Connection, or the
/// control connection's end (the stage).</para>
/// </remarks>
public sealed class PptpAlg : IAlgHandler
{
    private readonly PptpCallIdTable _callIds = new();

    public AlgDescriptor Descriptor => PptpAlgDescriptor.Instance;

    /// <summary>Public call ids reserved now by every control connection on this stage.</summary>
    public int ReservedCallIds => _callIds.Count;

    public object? CreateSettings(in AlgSettingsSource source) => new PptpSettings(in source);

    public object? CreateSession(in AlgFlowContext context) =>
        context.Protocol == IpProtocol.Tcp
            ? new PptpSession(_callIds, context.Mapped.Address, context.Remote.Address, context.InsideInitiated && context.Translated)
            : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not PptpSession session)
        {
            return;
        }

        var settings = context.SettingsAs<PptpSettings>();
        var fromPns = context.Direction == AlgDirection.Original;

        // Only a translating connection has ids to rewrite, so only its unfinished messages are worth holding.
        var holds = session.TranslatesPns;
        var position = 0;
        while (position < data.Length)
        {
            var rest = data[position..];
            var status = PptpMessageParser.Parse(rest, out var message, out var error);
            if (status == PptpParseStatus.Error)
            {
                output.ReportMalformed(PptpMessageParser.Describe(error) + "; the connection is no longer inspected (alg-behaviour T1)");
                output.StopInspecting = true;
                position = data.Length;
                break;
            }

            if (status == PptpParseStatus.Incomplete)
            {
                if (holds && (message.Type == PptpMessageType.None || CarriesTranslatedId(message.Type, fromPns)))
                {
                    output.HoldFrom = position;
                }

                break;
            }

            if (fromPns)
            {
                FromPns(in context, session, settings, rest[..message.Length], message.Type, position, ref output);
            }
            else
            {
                FromPac(in context, session, settings, rest[..message.Length], message.Type, position, ref output);
            }

            position += message.Length;
        }

        output.Consumed = position;
    }

    /// <summary>The messages whose call id a translating connection rewrites, by who sends them.</summary>
    private static bool CarriesTranslatedId(PptpMessageType type, bool fromPns) => fromPns
        ? type is PptpMessageType.OutgoingCallRequest or PptpMessageType.IncomingCallReply or PptpMessageType.CallClearRequest
        : type is PptpMessageType.OutgoingCallReply or PptpMessageType.IncomingCallConnected or PptpMessageType.WanErrorNotify or PptpMessageType.SetLinkInfo;

    private static void FromPns(in AlgFlowContext context, PptpSession session, PptpSettings settings, ReadOnlySpan<byte> message, PptpMessageType type, int position, ref AlgOutput output)
    {
        switch (type)
        {
            case PptpMessageType.StartControlConnectionRequest:
                if (session.State == PptpControlState.Idle)
                {
                    session.State = PptpControlState.Requested;
                }

                break;
            case PptpMessageType.StopControlConnectionRequest:
            case PptpMessageType.StopControlConnectionReply:
                Stop(in context, session, settings, ref output);
                break;
            case PptpMessageType.OutgoingCallRequest:
            {
                // RFC 2637 §2.7: Call ID, chosen by the PNS.
                var pnsCallId = PptpMessageParser.Field(message, PptpMessage.FirstField);
                if (!Established(session, ref output))
                {
                    break;
                }

                var existing = session.IndexByPnsCallId(pnsCallId);
                PptpCall call;
                if (existing >= 0)
                {
                    // A retransmitted or repeated request keeps the id it was given.
                    call = session[existing];
                }
                else if (!session.TryAddCall(pnsCallId, 0, PptpCallState.AwaitingOutgoingReply, out call))
                {
                    output.ReportPartRefused("PPTP: no call id free at this PAC, or too many calls on one control connection; the call is not translated");
                    break;
                }

                if (call.PublicCallId != pnsCallId)
                {
                    PptpRewriter.TryRewriteCallId(in context, position + PptpMessage.FirstField, call.PublicCallId, ref output);
                }

                break;
            }

            case PptpMessageType.IncomingCallReply:
            {
                // RFC 2637 §2.10: Call ID (the PNS's), Peer's Call ID (the PAC's, from its ICRQ), Result Code.
                var pnsCallId = PptpMessageParser.Field(message, PptpMessage.FirstField);
                var pacCallId = PptpMessageParser.Field(message, PptpMessage.SecondField);
                var index = session.IndexByPac(pacCallId, PptpCallState.AwaitingIncomingReply);
                if (index < 0)
                {
                    index = session.IndexByPac(pacCallId, PptpCallState.AwaitingIncomingConnected);
                    if (index < 0 || session[index].PnsCallId != pnsCallId)
                    {
                        output.ReportPartRefused("PPTP: an Incoming-Call-Reply to no Incoming-Call-Request of this connection (RFC 2637 §2.10); nothing opens");
                        break;
                    }
                }
                else if (message[PptpMessage.CallResultCode] != 1)
                {
                    // Not accepted: the call is over before it began.
                    session.RemoveAt(index);
                    break;
                }
                else if (!session.TryAnswerIncoming(index, pnsCallId))
                {
                    output.ReportPartRefused("PPTP: no call id free at this PAC; the call is not translated");
                    session.RemoveAt(index);
                    break;
                }

                var call = session[index];
                if (call.PublicCallId != pnsCallId)
                {
                    PptpRewriter.TryRewriteCallId(in context, position + PptpMessage.FirstField, call.PublicCallId, ref output);
                }

                break;
            }

            case PptpMessageType.CallClearRequest:
            {
                // RFC 2637 §2.12: Call ID, the PNS's; the call ends with the PAC's Call-Disconnect-Notify.
                var pnsCallId = PptpMessageParser.Field(message, PptpMessage.FirstField);
                var index = session.IndexByPnsCallId(pnsCallId);
                if (index >= 0 && session[index].PublicCallId != pnsCallId)
                {
                    PptpRewriter.TryRewriteCallId(in context, position + PptpMessage.FirstField, session[index].PublicCallId, ref output);
                }

                break;
            }

            case PptpMessageType.CallDisconnectNotify:
                // RFC 2637 §2.13 has the PAC send it; a PNS that does names its own call.
                Disconnect(in context, session, settings, session.IndexByPnsCallId(PptpMessageParser.Field(message, PptpMessage.FirstField)), ref output);
                break;
        }
    }

    private static void FromPac(in AlgFlowContext context, PptpSession session, PptpSettings settings, ReadOnlySpan<byte> message, PptpMessageType type, int position, ref AlgOutput output)
    {
        switch (type)
        {
            case PptpMessageType.StartControlConnectionReply:
                // RFC 2637 §2.2: Result Code 1, successful channel establishment.
                if (session.State == PptpControlState.Requested)
                {
                    session.State = message[PptpMessage.SecondField] == 1 ? PptpControlState.Established : PptpControlState.Idle;
                }

                break;
            case PptpMessageType.StopControlConnectionRequest:
            case PptpMessageType.StopControlConnectionReply:
                Stop(in context, session, settings, ref output);
                break;
            case PptpMessageType.OutgoingCallReply:
            {
                // RFC 2637 §2.8: Call ID (the PAC's), Peer's Call ID (the PNS's, as the PAC was told), Result Code.
                var pacCallId = PptpMessageParser.Field(message, PptpMessage.FirstField);
                var publicCallId = PptpMessageParser.Field(message, PptpMessage.SecondField);
                var index = session.IndexByPublic(publicCallId, PptpCallState.AwaitingOutgoingReply);
                if (index < 0)
                {
                    index = session.IndexByPublic(publicCallId, PptpCallState.Established);
                    if (index < 0 || session[index].PacCallId != pacCallId)
                    {
                        output.ReportPartRefused("PPTP: an Outgoing-Call-Reply to no Outgoing-Call-Request of this connection (RFC 2637 §2.8); nothing opens");
                        break;
                    }
                }

                var call = session[index];
                if (call.PnsCallId != publicCallId)
                {
                    PptpRewriter.TryRewriteCallId(in context, position + PptpMessage.SecondField, call.PnsCallId, ref output);
                }

                if (call.State == PptpCallState.Established)
                {
                    break;
                }

                if (message[PptpMessage.CallResultCode] != 1)
                {
                    // Not connected (busy, no carrier...): no tunnel, and the public id is free again.
                    session.RemoveAt(index);
                    break;
                }

                call = call with { PacCallId = pacCallId, State = PptpCallState.Established };
                session[index] = call;
                output.TryOpenGreTunnel(PptpRewriter.TunnelOf(in context, in call, settings));
                break;
            }

            case PptpMessageType.IncomingCallRequest:
                // RFC 2637 §2.9: Call ID, the PAC's; the PNS's id comes in its reply.
                if (Established(session, ref output) && session.IndexByPac(PptpMessageParser.Field(message, PptpMessage.FirstField)) < 0
                    && !session.TryAddIncoming(PptpMessageParser.Field(message, PptpMessage.FirstField)))
                {
                    output.ReportPartRefused("PPTP: too many calls on one control connection; the call is not translated");
                }

                break;
            case PptpMessageType.IncomingCallConnected:
            {
                // RFC 2637 §2.11: Peer's Call ID, the PNS's as the PAC was told.
                var publicCallId = PptpMessageParser.Field(message, PptpMessage.FirstField);
                var index = session.IndexByPublic(publicCallId);
                if (index < 0 || session[index].State is not (PptpCallState.AwaitingIncomingConnected or PptpCallState.Established))
                {
                    output.ReportPartRefused("PPTP: an Incoming-Call-Connected for no answered Incoming-Call-Request (RFC 2637 §2.11); nothing opens");
                    break;
                }

                var call = session[index];
                if (call.PnsCallId != publicCallId)
                {
                    PptpRewriter.TryRewriteCallId(in context, position + PptpMessage.FirstField, call.PnsCallId, ref output);
                }

                if (call.State != PptpCallState.Established)
                {
                    call = call with { State = PptpCallState.Established };
                    session[index] = call;
                    output.TryOpenGreTunnel(PptpRewriter.TunnelOf(in context, in call, settings));
                }

                break;
            }

            case PptpMessageType.WanErrorNotify:
            case PptpMessageType.SetLinkInfo:
            {
                // RFC 2637 §2.14, §2.15: Peer's Call ID. SLI goes PNS to PAC; one from a PAC names the PNS's call.
                var publicCallId = PptpMessageParser.Field(message, PptpMessage.FirstField);
                var index = session.IndexByPublic(publicCallId);
                if (index >= 0 && session[index].PnsCallId != publicCallId)
                {
                    PptpRewriter.TryRewriteCallId(in context, position + PptpMessage.FirstField, session[index].PnsCallId, ref output);
                }

                break;
            }

            case PptpMessageType.CallDisconnectNotify:
                // RFC 2637 §2.13: Call ID, the PAC's: the call is over, its tunnel goes.
                Disconnect(in context, session, settings, session.IndexByPac(PptpMessageParser.Field(message, PptpMessage.FirstField)), ref output);
                break;
        }
    }

    private static bool Established(PptpSession session, ref AlgOutput output)
    {
        if (session.State == PptpControlState.Established)
        {
            return true;
        }

        output.ReportPartRefused("PPTP: a call message before the control connection was established (RFC 2637 §3.1); the call is not translated and opens nothing");
        return false;
    }

    private static void Disconnect(in AlgFlowContext context, PptpSession session, PptpSettings settings, int index, ref AlgOutput output)
    {
        if (index < 0)
        {
            return;
        }

        var call = session[index];
        if (call.State == PptpCallState.Established)
        {
            output.TryCloseGreTunnel(PptpRewriter.TunnelOf(in context, in call, settings));
        }

        session.RemoveAt(index);
    }

    /// <summary>Stop-Control-Connection (RFC 2637 §2.3): every call of the connection ends with it.</summary>
    private static void Stop(in AlgFlowContext context, PptpSession session, PptpSettings settings, ref AlgOutput output)
    {
        session.State = PptpControlState.Stopping;
        for (var i = 0; i < session.Calls.Count; i++)
        {
            var call = session.Calls[i];
            if (call.State == PptpCallState.Established)
            {
                output.TryCloseGreTunnel(PptpRewriter.TunnelOf(in context, in call, settings));
            }
        }

        session.Clear();
    }
}
