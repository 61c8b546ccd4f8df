using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Sdp;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Mgcp;

/// <summary>
/// Acts on one MGCP message (RFC 3435): remembers commands until their response (§3.5.6), translates the session
/// description the inside end sends for its own media (the gateway's local connection descriptor in a CRCX/MDCX
/// response, §2.3.5) with the SDP code the SIP ALG uses, opens the media pinholes of that connection from the remote
/// media address the call agent gave (any address until it has), and closes them on DLCX (§2.3.7-9) and RSIP (§2.3.12).
/// </summary>
internal static class MgcpRewriter
{
    /// <summary>The pinhole group of the call agent's way in to the gateway.</summary>
    public const long SignallingGroup = 1;

    private const int MaxMedia = 8;
    private const string RtpPeerReason = "RFC 3550: an RTP sender's source port is not signalled";
    private const string RemoteNotYetReason = "RFC 3435 §2.3.5: the remote connection descriptor may come later, in an MDCX";
    private const string CallAgentPortReason = "RFC 3435 §3.5.4: the call agent may send commands from any port";

    public static void OnMessage(in AlgFlowContext context, MgcpSession session, MgcpSettings settings, ReadOnlySpan<byte> datagram, in MgcpMessage message, scoped Span<TextEdit> edits, ref int editCount, ref AlgOutput output)
    {
        var senderInside = context.ArrivalSide == FlowSide.Inside;
        var sdp = message.HasSdp ? datagram.Slice(message.SdpStart, message.SdpLength) : default;
        if (message.IsResponse)
        {
            OnResponse(in context, session, settings, sdp, in message, senderInside, edits, ref editCount, ref output);
            return;
        }

        var endpoint = EndpointHash(datagram.Slice(message.EndpointStart, message.EndpointLength));
        var group = GroupOf(endpoint, message.CallIdStart >= 0 ? AsciiText.Hash(datagram.Slice(message.CallIdStart, message.CallIdLength)) : 0);
        switch (message.Verb)
        {
            case MgcpVerb.Crcx or MgcpVerb.Mdcx:
                var remote = 0u;
                if (message.HasSdp && !senderInside)
                {
                    SdpRewriter.FirstMediaAddress(sdp, out remote);
                }

                session.Remember(new MgcpPendingCommand(message.TransactionId, message.Verb, senderInside, group, endpoint, remote, context.Now + settings.TransactionTimeout));
                if (message.Verb == MgcpVerb.Mdcx && remote != 0)
                {
                    // The far end's media address is known now: the connection's holes admit only it.
                    output.TryRestrictPinholeGroup(group, ExpectedPeer.AddressOnly(remote, RtpPeerReason), settings.MediaTimeout);
                }

                break;
            case MgcpVerb.Dlcx when message.CallIdStart >= 0:
                output.TryRemovePinholeGroup(group);
                session.ForgetCall(group);
                break;
            case MgcpVerb.Dlcx or MgcpVerb.Rsip:
                // Every connection of the endpoint (all of them for a wildcard endpoint name, §3.2.1.3).
                Span<long> groups = stackalloc long[MgcpSession.MaxCalls];
                var count = session.TakeCalls(endpoint, groups);
                foreach (var taken in groups[..count])
                {
                    output.TryRemovePinholeGroup(taken);
                }

                break;
        }
    }

    /// <summary>Keeps the call agent able to reach a gateway behind the NAT (RFC 3435 §3.5.4: it sends commands
    /// unsolicited): the gateway's signalling mapping is held and a hole admits the call agent's address from any port,
    /// for the configured time after the gateway last spoke.</summary>
    public static void RefreshSignalling(in AlgFlowContext context, MgcpSession session, MgcpSettings settings, ref AlgOutput output)
    {
        if (context.ArrivalSide != FlowSide.Inside || !context.InsideInitiated || !context.Translated || session.SignallingRefreshedAt + (settings.SignallingTimeout / 4) > context.Now)
        {
            return;
        }

        session.SignallingRefreshedAt = context.Now;
        context.Nat.TryReserveMapping(IpProtocol.Udp, context.Inside, context.Remote, settings.SignallingTimeout, out _, out _);
        var spec = new ExpectationSpec(
            IpProtocol.Udp,
            FlowSide.Outside,
            ExpectedPeer.AddressOnly(context.Remote.Address, CallAgentPortReason),
            context.Mapped.Address,
            context.Mapped.Port,
            context.Inside.Address,
            context.Inside.Port,
            settings.SignallingTimeout,
            Persistent: true,
            context.Flow,
            context.OwnerTag,
            SignallingGroup,
            OutlivesMaster: true);
        output.TryRemovePinholeGroup(SignallingGroup);
        output.TryRequestPinhole(in spec);
    }

    private static void OnResponse(in AlgFlowContext context, MgcpSession session, MgcpSettings settings, ReadOnlySpan<byte> sdp, in MgcpMessage message, bool senderInside, scoped Span<TextEdit> edits, ref int editCount, ref AlgOutput output)
    {
        if (!session.TryTake(message.TransactionId, senderInside, message.Code >= 200, context.Now, out var command))
        {
            if (message.HasSdp)
            {
                output.ReportPartRefused("MGCP: a response with no pending transaction (RFC 3435 §3.5.6); its SDP is not translated and opens nothing");
            }

            return;
        }

        if (command.Verb is not (MgcpVerb.Crcx or MgcpVerb.Mdcx) || message.Code is < 200 or > 299 || !message.HasSdp || !senderInside || !context.Translated)
        {
            return;
        }

        // The gateway's local connection descriptor (§2.3.5): its own address and ports, translated like a SIP body.
        Span<SdpMediaPlan> media = stackalloc SdpMediaPlan[MaxMedia];
        var mediaCount = 0;
        if (!SdpRewriter.PlanEdits(in context, sdp, message.SdpStart, command.RemoteMedia, settings.MediaTimeout, rewrite: true, edits, ref editCount, media, ref mediaCount))
        {
            output.ReportPartRefused("MGCP: a connection descriptor too large to translate; nothing opens for it");
            return;
        }

        media = media[..mediaCount];
        if (!SdpRewriter.AnyTranslated(media))
        {
            return;
        }

        var peer = command.RemoteMedia != 0 ? ExpectedPeer.AddressOnly(command.RemoteMedia, RtpPeerReason) : ExpectedPeer.UnknownBecause(RemoteNotYetReason);
        output.TryRemovePinholeGroup(command.Group);
        // Persistent for the connection's life (until DLCX or RSIP), bounded by the media inactivity timeout: a far end whose
        // media flow idled out during a hold can come back in while the connection exists.
        SdpRewriter.OpenMediaPinholes(in context, media, peer, settings.MediaTimeout, command.Group, persistent: true, ref output);
        session.AddCall(command.Group, command.EndpointHash);
    }

    /// <summary>The endpoint's hash, or 0 for a wildcard name (§3.2.1.3: <c>*</c> or <c>$</c> in the local part).</summary>
    private static long EndpointHash(ReadOnlySpan<byte> endpoint)
    {
        var at = endpoint.IndexOf((byte)'@');
        var local = at < 0 ? endpoint : endpoint[..at];
        return local.IndexOfAny((byte)'*', (byte)'$') >= 0 ? 0 : AsciiText.Hash(endpoint);
    }

    /// <summary>A call's pinhole group on one endpoint; never 0 (no group) or <see cref="SignallingGroup"/>.</summary>
    private static long GroupOf(long endpoint, long call)
    {
        var group = (endpoint * 31) ^ call;
        return group is 0 or SignallingGroup ? 2 : group;
    }
}
