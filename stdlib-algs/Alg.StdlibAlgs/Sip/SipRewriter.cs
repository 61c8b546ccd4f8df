using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Sdp;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sip;

/// <summary>
/// Translates one whole SIP message and keeps the flow's SIP state: the heart of the SIP ALG.
/// </summary>
/// <remarks>
/// <para>Rule for every field (alg-behaviour §2 #1, #2, #13): only an address:port equal to this flow's own private
/// endpoint (outbound) or its own mapped endpoint (inbound, and only for a kind of field this ALG translated
/// outbound) is rewritten, and only in the Request-URI, the top Via (sent-by, received, rport, maddr), every
/// Contact, From and To, and in outbound SDP o=, c=, m= and a=rtcp. Record-Route, Route, Call-ID, tags, branch and
/// a=candidate are never touched; SDP with ICE candidates is left alone (RFC 8445 §5.4).</para>
/// <para>Media (RFC 3264, RFC 4566 §5.7/§5.14, RFC 3605): each m= line announcing the sender's own address gets a
/// reserved mapping for RTP and, unless rtcp-mux (RFC 5761), RTCP, so the announced endpoint is the one the media
/// leaves with (§2 #14); pinholes for them admit only the far end's media address, learnt from its SDP (the
/// signalling peer until then). Port 0 and c=0.0.0.0 open nothing (RFC 3264 §6, §8.4).</para>
/// </remarks>
internal static class SipRewriter
{
    private const int MaxEdits = 64;
    private const int MaxMedia = 8;
    private const int DefaultSipPort = 5060;
    private const long DefaultRegisterExpires = 3600;
    private const long RegistrationGrace = 32 * NatTimeouts.Second;

    private const string RtpPeerReason = "RFC 3550/RFC 4961: an RTP sender's source port is not signalled";
    private const string RegistrarPortReason = "RFC 3261 §18.2.2: in-dialog and new requests may come from any registrar port";

    public static void Translate(
        in AlgFlowContext context,
        SipSession session,
        SipSettings settings,
        scoped ReadOnlySpan<byte> message,
        in SipMessageInfo info,
        scoped ReadOnlySpan<SipHeaderField> fields,
        int baseOffset,
        bool canRewrite,
        ref AlgOutput output)
    {
        var facts = SipMessageFacts.Read(message, in info, fields);
        if (!CheckPolicy(settings, in facts, info.IsRequest, ref output))
        {
            return;
        }

        var outbound = context.ArrivalSide == FlowSide.Inside;
        var from = outbound ? context.Inside : context.Mapped;
        var to = outbound ? context.Mapped : context.Inside;
        var translate = context.Translated && canRewrite;

        Span<TextEdit> edits = stackalloc TextEdit[MaxEdits];
        var count = 0;
        var contactIsSender = false;
        var overflow = false;
        if (translate)
        {
            overflow = !PlanHeaderEdits(session, message, in info, fields, outbound, from, to, edits, ref count, out contactIsSender);
        }
        else if (outbound)
        {
            contactIsSender = ContactNames(message, fields, context.Inside);
        }

        Span<SdpMediaPlan> media = stackalloc SdpMediaPlan[MaxMedia];
        var mediaCount = 0;
        var body = message.Slice(info.BodyStart, info.BodyLength);
        var hasSdp = body.Length > 0 && facts.BodyIsSdp;
        var callId = facts.CallId;
        if (hasSdp && outbound && context.Translated && !overflow)
        {
            var peer = session.RemoteMediaOf(callId);
            overflow = !SdpRewriter.PlanEdits(in context, body, info.BodyStart, peer == 0 ? context.Remote.Address : peer, MediaLifetime(settings, in facts, info.IsRequest), translate, edits, ref count, media, ref mediaCount);
        }

        if (overflow)
        {
            output.ReportMalformed("more SIP/SDP fields to translate than one message may have");
            return;
        }

        if (count > 0)
        {
            PlanContentLength(message, in info, fields, edits, ref count);
            Emit(edits[..count], baseOffset, ref output);
        }

        UpdateState(in context, session, settings, message, in info, fields, in facts, outbound, contactIsSender, hasSdp, body, media[..mediaCount], ref output);
    }

    private static bool CheckPolicy(SipSettings settings, in SipMessageFacts facts, bool request, ref AlgOutput output)
    {
        if (settings.StrictHeaderValidation != SipViolationAction.Off && !facts.HasMandatoryHeaders(request))
        {
            return Violate(settings.StrictHeaderValidation, "strict-header-validation: a mandatory header is missing (RFC 3261 §8.1.1)", ref output);
        }

        if (request && settings.MaxForwardsValidation != SipViolationAction.Off && facts.MaxForwards == 0)
        {
            return Violate(settings.MaxForwardsValidation, "max-forwards-validation: Max-Forwards is 0 (RFC 3261 §16.3 step 2)", ref output);
        }

        return true;
    }

    /// <returns>False when the message must not be processed further (dropped).</returns>
    private static bool Violate(SipViolationAction action, string reason, ref AlgOutput output)
    {
        if (action is SipViolationAction.Drop or SipViolationAction.DropConnection)
        {
            output.RequestDrop(reason, action == SipViolationAction.DropConnection);
            return false;
        }

        return true;
    }

    private static bool PlanHeaderEdits(
        SipSession session,
        ReadOnlySpan<byte> message,
        in SipMessageInfo info,
        ReadOnlySpan<SipHeaderField> fields,
        bool outbound,
        AlgEndpoint from,
        AlgEndpoint to,
        Span<TextEdit> edits,
        ref int count,
        out bool contactIsSender)
    {
        contactIsSender = false;

        // Only a field whose text holds the address being translated can need an edit: a vectorised search
        // skips the structural parse of every other field (the far end's To, a Request-URI naming the server).
        Span<byte> addressText = stackalloc byte[15];
        var needle = addressText[..Ipv4Text.WriteIpv4(from.Address, addressText)];
        if (info.IsRequest && (outbound || session.ContactTranslated)
            && message.Slice(info.RequestUriStart, info.RequestUriLength).IndexOf(needle) >= 0
            && SipUriLocator.TryLocate(message.Slice(info.RequestUriStart, info.RequestUriLength), info.RequestUriStart, out var requestUri)
            && !TryMap(message, requestUri, from, to, edits, ref count))
        {
            return false;
        }

        var sawVia = false;
        var sawFrom = false;
        var sawTo = false;
        Span<SipHostPort> found = stackalloc SipHostPort[16];
        foreach (var field in fields)
        {
            var value = message.Slice(field.ValueStart, field.ValueLength);
            if (field.Kind is SipHeaderKind.Via or SipHeaderKind.Contact or SipHeaderKind.From or SipHeaderKind.To && value.IndexOf(needle) < 0)
            {
                sawVia |= field.Kind == SipHeaderKind.Via;
                sawFrom |= field.Kind == SipHeaderKind.From;
                sawTo |= field.Kind == SipHeaderKind.To;
                if (field.Kind == SipHeaderKind.Contact)
                {
                    contactIsSender |= outbound && AsciiText.Trim(value).SequenceEqual("*"u8);
                }

                continue;
            }

            switch (field.Kind)
            {
                case SipHeaderKind.Via when !sawVia:
                    sawVia = true;
                    if ((outbound || session.ViaTranslated) && SipViaParser.TryParseTop(value, field.ValueStart, out var via))
                    {
                        var before = count;
                        if (!MapVia(message, in via, from, to, edits, ref count))
                        {
                            return false;
                        }

                        session.ViaTranslated |= outbound && count > before;
                    }

                    break;
                case SipHeaderKind.Contact:
                    if (outbound || session.ContactTranslated)
                    {
                        var contacts = SipUriLocator.FindAll(value, field.ValueStart, found);
                        if (contacts < 0)
                        {
                            return false;
                        }

                        for (var i = 0; i < contacts; i++)
                        {
                            var before = count;
                            if (!TryMap(message, found[i], from, to, edits, ref count))
                            {
                                return false;
                            }

                            if (count > before && outbound)
                            {
                                session.ContactTranslated = true;
                                contactIsSender = true;
                            }
                        }
                    }

                    contactIsSender |= outbound && AsciiText.Trim(value).SequenceEqual("*"u8);
                    break;
                case SipHeaderKind.From when !sawFrom:
                case SipHeaderKind.To when !sawTo:
                    // Inbound, a far end that learnt the phone's mapped Contact addresses it there in To (and a
                    // response echoes From): mapped back once either was translated outbound, as Linux does.
                    sawFrom |= field.Kind == SipHeaderKind.From;
                    sawTo |= field.Kind == SipHeaderKind.To;
                    if ((outbound || session.FromToTranslated || session.ContactTranslated) && SipUriLocator.TryLocate(value, field.ValueStart, out var uri))
                    {
                        var before = count;
                        if (!TryMap(message, uri, from, to, edits, ref count))
                        {
                            return false;
                        }

                        session.FromToTranslated |= outbound && count > before;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>Without translation: does a Contact name the sender's own endpoint (for REGISTER bookkeeping)?</summary>
    private static bool ContactNames(ReadOnlySpan<byte> message, ReadOnlySpan<SipHeaderField> fields, AlgEndpoint endpoint) =>
        TryFindContact(message, fields, endpoint, out _, out _);

    /// <summary>The first Contact entry naming exactly <paramref name="endpoint"/>, with the header value it is in.</summary>
    private static bool TryFindContact(ReadOnlySpan<byte> message, ReadOnlySpan<SipHeaderField> fields, AlgEndpoint endpoint, out SipHostPort contact, out SipHeaderField field)
    {
        Span<SipHostPort> found = stackalloc SipHostPort[16];
        foreach (var candidate in fields)
        {
            if (candidate.Kind != SipHeaderKind.Contact)
            {
                continue;
            }

            var count = SipUriLocator.FindAll(message.Slice(candidate.ValueStart, candidate.ValueLength), candidate.ValueStart, found);
            for (var i = 0; i < count; i++)
            {
                if (Matches(message, found[i], endpoint))
                {
                    contact = found[i];
                    field = candidate;
                    return true;
                }
            }
        }

        contact = default;
        field = default;
        return false;
    }

    private static bool MapVia(ReadOnlySpan<byte> message, in SipVia via, AlgEndpoint from, AlgEndpoint to, Span<TextEdit> edits, ref int count)
    {
        if (!TryMap(message, via.SentBy, from, to, edits, ref count))
        {
            return false;
        }

        // received= and maddr= carry an address only; rport= a port only (RFC 3261 §18.2.1, RFC 3581 §4).
        // The three come after sent-by but in no fixed order among themselves: take them by position.
        var taken = 0;
        for (var round = 0; round < 3; round++)
        {
            var (start, length, isPort, which) = NextParameter(in via, taken);
            if (which == 0)
            {
                break;
            }

            taken |= which;
            if (start < 0 || length == 0)
            {
                continue;
            }

            var text = message.Slice(start, length);
            if (isPort)
            {
                if (DecimalText.TryParsePort(text, out var port) && port == from.Port && port != to.Port && !Add(edits, ref count, new TextEdit(start, length, TextEditKind.Number, 0, to.Port)))
                {
                    return false;
                }
            }
            else if (Ipv4Text.TryParseIpv4(text, out var address) && address == from.Address && address != to.Address
                && !Add(edits, ref count, new TextEdit(start, length, TextEditKind.Address, to.Address, 0)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The Via parameter (received = 1, rport = 2, maddr = 4) that comes first among those not yet taken.</summary>
    private static (int Start, int Length, bool IsPort, int Which) NextParameter(in SipVia via, int taken)
    {
        (int, int, bool, int) best = (int.MaxValue, 0, false, 0);
        if ((taken & 1) == 0 && via.ReceivedStart >= 0 && via.ReceivedStart < best.Item1)
        {
            best = (via.ReceivedStart, via.ReceivedLength, false, 1);
        }

        if ((taken & 2) == 0 && via.RportStart >= 0 && via.RportStart < best.Item1)
        {
            best = (via.RportStart, via.RportLength, true, 2);
        }

        if ((taken & 4) == 0 && via.MaddrStart >= 0 && via.MaddrStart < best.Item1)
        {
            best = (via.MaddrStart, via.MaddrLength, false, 4);
        }

        return best;
    }

    /// <summary>Plans the rewrite of one host[:port] if it is exactly <paramref name="from"/>; false only when out of room.</summary>
    private static bool TryMap(ReadOnlySpan<byte> message, SipHostPort hostPort, AlgEndpoint from, AlgEndpoint to, Span<TextEdit> edits, ref int count)
    {
        if (!Matches(message, hostPort, from) || from == to)
        {
            return true;
        }

        if (hostPort.HasPort)
        {
            var length = hostPort.PortStart + hostPort.PortLength - hostPort.HostStart;
            return Add(edits, ref count, new TextEdit(hostPort.HostStart, length, TextEditKind.AddressAndPort, to.Address, to.Port));
        }

        // No port written means 5060 (RFC 3261 §19.1.2); a mapped port that differs must be written out (§2 #12).
        return to.Port == DefaultSipPort
            ? Add(edits, ref count, new TextEdit(hostPort.HostStart, hostPort.HostLength, TextEditKind.Address, to.Address, 0))
            : Add(edits, ref count, new TextEdit(hostPort.HostStart, hostPort.HostLength, TextEditKind.AddressAndPort, to.Address, to.Port));
    }

    private static bool Matches(ReadOnlySpan<byte> message, SipHostPort hostPort, AlgEndpoint endpoint)
    {
        if (!Ipv4Text.TryParseIpv4(message.Slice(hostPort.HostStart, hostPort.HostLength), out var address) || address != endpoint.Address)
        {
            return false;
        }

        if (!hostPort.HasPort)
        {
            return endpoint.Port == DefaultSipPort;
        }

        return DecimalText.TryParsePort(message.Slice(hostPort.PortStart, hostPort.PortLength), out var port) && port == endpoint.Port;
    }

    private static void PlanContentLength(ReadOnlySpan<byte> message, in SipMessageInfo info, ReadOnlySpan<SipHeaderField> fields, Span<TextEdit> edits, ref int count)
    {
        var bodyDelta = 0;
        for (var i = 0; i < count; i++)
        {
            if (edits[i].Offset >= info.BodyStart)
            {
                bodyDelta += edits[i].Delta;
            }
        }

        var length = info.BodyLength + bodyDelta;
        if (length == info.DeclaredContentLength)
        {
            return;
        }

        foreach (var field in fields)
        {
            if (field.Kind == SipHeaderKind.ContentLength)
            {
                // RFC 3261 §18.3: the length of the body as sent; recomputed from the real body, never adjusted.
                var start = field.ValueStart;
                var end = field.ValueStart + field.ValueLength;
                while (end > start && AsciiText.IsBlank(message[end - 1]))
                {
                    end--;
                }

                Add(edits, ref count, new TextEdit(start, end - start, TextEditKind.Number, 0, length));
                return;
            }
        }
    }

    private static void Emit(scoped Span<TextEdit> edits, int baseOffset, ref AlgOutput output)
    {
        if (!TextEditPlan.TryEmit(edits, baseOffset, ref output))
        {
            output.ReportMalformed("the translated message does not fit the ALG's output buffer");
        }
    }

    private static void UpdateState(
        in AlgFlowContext context,
        SipSession session,
        SipSettings settings,
        scoped ReadOnlySpan<byte> message,
        in SipMessageInfo info,
        scoped ReadOnlySpan<SipHeaderField> fields,
        in SipMessageFacts facts,
        bool outbound,
        bool contactIsSender,
        bool hasSdp,
        scoped ReadOnlySpan<byte> body,
        scoped ReadOnlySpan<SdpMediaPlan> media,
        ref AlgOutput output)
    {
        var callId = facts.CallId;
        if (callId == 0)
        {
            return;
        }

        var method = info.IsRequest ? facts.RequestMethod : facts.CSeqMethod;
        if (info.IsRequest)
        {
            switch (method)
            {
                case SipMethod.Bye:
                    // RFC 3261 §15: the session ends; its media holes close now, not at their timeout.
                    RemoveCall(callId, ref output);
                    session.Forget(callId);
                    return;
                case SipMethod.Cancel when !session.IsEstablished(callId):
                    // RFC 3261 §9: CANCEL ends an INVITE not yet answered; it has no effect on an established call.
                    RemoveCall(callId, ref output);
                    session.Forget(callId);
                    return;
                case SipMethod.Register when outbound:
                    session.AddRegister(new SipPendingRegister(callId, facts.CSeq, facts.Branch, contactIsSender, facts.Expires >= 0 ? facts.Expires : DefaultRegisterExpires, true));
                    return;
            }
        }
        else if (method == SipMethod.Register && !outbound)
        {
            RegisterAnswered(in context, session, settings, message, fields, in facts, info.StatusCode, ref output);
            return;
        }
        else if (method == SipMethod.Invite)
        {
            if (info.StatusCode is >= 200 and < 300)
            {
                session.MarkEstablished(callId);
            }
            else if (info.StatusCode >= 300 && !session.IsEstablished(callId))
            {
                // RFC 3261 §13.2.2.3: a failed INVITE leaves no session (a failed re-INVITE leaves the old one).
                RemoveCall(callId, ref output);
                session.Forget(callId);
                return;
            }
        }

        if (!hasSdp)
        {
            return;
        }

        var lifetime = MediaLifetime(settings, in facts, info.IsRequest);
        if (outbound)
        {
            OpenMediaPinholes(in context, session, callId, lifetime, media, ref output);
            if (info.IsRequest && method == SipMethod.Invite && contactIsSender)
            {
                // In-dialog requests from the far end (its BYE an hour later) must reach the phone after the
                // signalling flow has idled out: a pinhole for the dialog, closed with it.
                var group = DialogSignallingGroup(callId);
                output.TryRemovePinholeGroup(group);
                var spec = SignallingPinhole(in context, settings.SignalingTimeout, group);
                output.TryRequestPinhole(in spec);
            }
        }
        else if (SdpRewriter.FirstMediaAddress(body, out var address))
        {
            // The answer (or a far-end offer) names the peer's media address: from now on only it may use the holes.
            session.RememberRemoteMedia(callId, address);
            output.TryRestrictPinholeGroup(callId, ExpectedPeer.AddressOnly(address, RtpPeerReason), lifetime);
        }
    }

    /// <summary>A call's media holes are grouped under its Call-ID hash; its signalling hole under this, so an SDP
    /// answer that narrows the media holes to the media peer leaves the signalling peer's hole as it is.</summary>
    private static long DialogSignallingGroup(long callId)
    {
        var group = callId ^ 0x5349505349505349;
        return group == 0 ? 1 : group;
    }

    private static void RemoveCall(long callId, ref AlgOutput output)
    {
        output.TryRemovePinholeGroup(callId);
        output.TryRemovePinholeGroup(DialogSignallingGroup(callId));
    }

    private static void OpenMediaPinholes(in AlgFlowContext context, SipSession session, long callId, long lifetime, scoped ReadOnlySpan<SdpMediaPlan> media, ref AlgOutput output)
    {
        if (!SdpRewriter.AnyTranslated(media))
        {
            return;
        }

        // A new offer or answer replaces the call's earlier holes (RFC 3264 §8: a re-INVITE may move the media).
        output.TryRemovePinholeGroup(callId);
        var peerAddress = session.RemoteMediaOf(callId);
        var peer = ExpectedPeer.AddressOnly(peerAddress == 0 ? context.Remote.Address : peerAddress, RtpPeerReason);
        SdpRewriter.OpenMediaPinholes(in context, media, peer, lifetime, callId, persistent: true, ref output);
    }

    private static void RegisterAnswered(in AlgFlowContext context, SipSession session, SipSettings settings, scoped ReadOnlySpan<byte> message, scoped ReadOnlySpan<SipHeaderField> fields, in SipMessageFacts facts, int status, ref AlgOutput output)
    {
        var final = status >= 200;
        if (!session.TryMatchRegister(facts.CallId, facts.CSeq, facts.Branch, final, out var register))
        {
            // alg-behaviour §3 T2: a 2xx that answers no REGISTER seen on this flow changes nothing.
            if (status is >= 200 and < 300)
            {
                Violate(settings.StateChecking, "state-checking: a 2xx to REGISTER that matches no REGISTER on this flow (Call-ID, CSeq, branch)", ref output);
            }

            return;
        }

        if (status is < 200 or >= 300 || !register.ContactIsSender)
        {
            return;
        }

        // RFC 3261 §10.2.4: the registrar's 2xx lists the bindings with the expiry it granted.
        var granted = GrantedExpires(message, fields, context.Mapped, facts.Expires, register.RequestedExpires);
        output.TryRemovePinholeGroup(facts.CallId);
        if (granted <= 0)
        {
            // alg-behaviour §3 T6: Expires 0 ends this binding only (same flow, same Call-ID).
            return;
        }

        var lifetime = (granted * NatTimeouts.Second) + RegistrationGrace;
        context.Nat.TryReserveMapping(context.Protocol, context.Inside, context.Remote, lifetime, out _, out _);
        var spec = SignallingPinhole(in context, lifetime, facts.CallId);
        output.TryRequestPinhole(in spec);
    }

    /// <summary>A persistent hole from the signalling peer's address (any port) to the phone's own signalling endpoint
    /// (Linux's sip_direct_signalling: the registrar or the far end only). It outlives the UDP signalling flow: the
    /// binding must reach the phone for the granted Expires even when the flow idles out first.</summary>
    private static ExpectationSpec SignallingPinhole(in AlgFlowContext context, long lifetime, long group) =>
        new(context.Protocol, FlowSide.Outside, ExpectedPeer.AddressOnly(context.Remote.Address, RegistrarPortReason), context.Mapped.Address, context.Mapped.Port, context.Inside.Address, context.Inside.Port, lifetime, true, context.Flow, context.OwnerTag, group, OutlivesMaster: true);

    private static long GrantedExpires(ReadOnlySpan<byte> message, ReadOnlySpan<SipHeaderField> fields, AlgEndpoint mapped, long expiresHeader, long requested)
    {
        if (TryFindContact(message, fields, mapped, out var contact, out var field))
        {
            var value = message.Slice(field.ValueStart, field.ValueLength);
            var elementStart = contact.HostStart - field.ValueStart;
            var element = value[elementStart..SipUriLocator.ElementEnd(value, elementStart)];
            if (SipText.TryFindParameter(element, "expires"u8, out var start, out var length) && DecimalText.TryParseNumber(element.Slice(start, length), out var seconds))
            {
                return seconds;
            }
        }

        return expiresHeader >= 0 ? expiresHeader : requested;
    }

    private static long MediaLifetime(SipSettings settings, in SipMessageFacts facts, bool request)
    {
        if (request)
        {
            return facts.RequestMethod == SipMethod.Invite ? settings.InviteTimeout : settings.MediaTimeout;
        }

        return facts.Status < 200 ? settings.ProvisionalMediaTimeout : settings.MediaTimeout;
    }

    private static bool Add(Span<TextEdit> edits, ref int count, in TextEdit edit) => TextEditPlan.TryAdd(edits, ref count, in edit);
}
