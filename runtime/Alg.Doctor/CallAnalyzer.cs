using System.Globalization;

namespace Alg.Doctor;

/// <summary>
/// Diagnoses one call. The captures may be taken on the phone's side of the NAT (inside), beyond it (outside),
/// or both; every conclusion says which capture it rests on.
/// </summary>
/// <remarks>
/// A direction of audio is judged where the sender is: RTP must leave towards the endpoint the receiver
/// announced (RFC 3264 §6, RFC 4566 §5.7), as the sender saw that SDP. When a capture on the receiver's side
/// is given too, the RTP must also arrive there. With only the receiver's side, arriving is what counts.
/// </remarks>
internal sealed class CallAnalyzer
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    // Arrival that stops this much earlier than sending is a mapping that went away, not capture jitter.
    private const long ExpiryToleranceNanoseconds = 2 * NanosecondsPerSecond;

    private readonly IReadOnlyList<SignallingRecord> _messages;
    private readonly IReadOnlyList<CaptureScan> _scans;
    private readonly GatewayContext? _gateway;
    private readonly SignallingRecord _invite;
    private readonly List<CallMessage> _signalling;
    private readonly List<string> _captures;
    private readonly CallParty? _local;
    private readonly Dictionary<string, bool> _inside = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private readonly Dictionary<(CallParty, string), List<(MediaEndpoint Endpoint, SignallingRecord Message)>> _announced = [];

    public CallAnalyzer(IReadOnlyList<SignallingRecord> messages, IReadOnlyList<CaptureScan> scans, GatewayContext? gateway)
    {
        _messages = messages;
        _scans = scans;
        _gateway = gateway;
        _invite = messages.First(m => m.IsRequest && m.Method == "INVITE");
        _signalling = [.. messages.Select(m => new CallMessage(m, SenderOf(m)))];
        _captures = [.. scans.Select(s => s.Name).Where(name => messages.Any(m => m.Capture == name))];
        _local = FindLocalParty();
        foreach (var capture in _captures)
        {
            _inside[capture] = _local is { } local && SignallingAddress(local, capture) is { } address && AddressClassifier.IsPrivate(address, gateway);
        }
    }

    private string Transport => _invite.Transport;

    private string Protocol => _invite.Protocol;

    private bool IsH323 => Protocol == "h323";

    /// <summary>Where a party announces its media: the SDP (RFC 4566), or H.245's mediaChannel (H.245 §7.3.1).</summary>
    private string MediaAnnouncement => IsH323 ? "H.245 mediaChannel" : "SDP";

    public CallDiagnosis Diagnose()
    {
        var offerAnswer = OfferAnswer();
        var causes = new List<DoctorCause>();
        var media = new List<MediaDirectionReport>();
        CallVerdict verdict;
        CallParty? silent = null;
        if (!_signalling.Any(c => c.Message.IsSuccessResponse && c.Message.Method == "INVITE"))
        {
            verdict = CallVerdict.NotEstablished;
            causes.Add(WhyNotEstablished());
        }
        else
        {
            foreach (var sender in new[] { CallParty.Caller, CallParty.Callee })
            {
                media.Add(Judge(sender, causes));
            }

            if (IsH323)
            {
                AddH323Causes(causes);
            }

            var heard = media.Count(m => m.Heard);
            verdict = heard == 2 ? CallVerdict.Ok : heard == 1 ? CallVerdict.OneWay : CallVerdict.NoAudio;
            silent = heard == 1 ? media.First(m => !m.Heard).From : null;
            if (!causes.Any(c => c.Code == "alg-rewrote-public-address"))
            {
                AddStunNote();
            }
        }

        if (_messages.Any(m => m.Sdp?.UsesIce == true))
        {
            _notes.Add("the SDP carries ICE candidates (RFC 8445): media may flow between candidates other than c=/m=; the doctor judges by c=/m= only");
        }

        return new CallDiagnosis(
            _invite.CallId,
            _invite.From,
            _invite.To,
            Transport,
            _invite.TimeNanoseconds,
            verdict,
            silent,
            [.. _captures.Select(c => new CaptureVantage(c, _inside[c]))],
            _signalling,
            offerAnswer,
            media,
            causes,
            _notes);
    }

    private CallParty SenderOf(SignallingRecord message)
    {
        // The caller's From tag marks every request the caller sends in the dialog (RFC 3261 §12.2.1.1);
        // a response travels the other way from its request.
        var fromCaller = _invite.FromTag is { } tag ? message.FromTag == tag : message.From == _invite.From;
        return message.IsRequest == fromCaller ? CallParty.Caller : CallParty.Callee;
    }

    /// <summary>The party behind the NAT: the one a capture shows with a private address.</summary>
    private CallParty? FindLocalParty()
    {
        foreach (var capture in _captures)
        {
            foreach (var party in new[] { CallParty.Caller, CallParty.Callee })
            {
                if (SignallingAddress(party, capture) is { } address && AddressClassifier.IsPrivate(address, _gateway))
                {
                    return party;
                }
            }
        }

        if (_gateway is not null)
        {
            foreach (var capture in _captures)
            {
                foreach (var party in new[] { CallParty.Caller, CallParty.Callee })
                {
                    if (SignallingAddress(party, capture) is { } address && _gateway.OwnsOutside(address))
                    {
                        return party;
                    }
                }
            }
        }

        // Only outside captures and no configuration: a party that writes a private address into its own
        // Via, Contact or SDP is behind a NAT that did not translate them.
        foreach (var party in new[] { CallParty.Caller, CallParty.Callee })
        {
            var own = _signalling.Where(c => c.Sender == party).Select(c => c.Message);
            if (own.Any(m => IsPrivate(m.ViaSentBy?.Address) || IsPrivate(m.Contact?.Address) || IsPrivate(m.Sdp?.ConnectionAddress)))
            {
                return party;
            }
        }

        return null;
    }

    private bool IsPrivate(string? address) => address is not null && AddressClassifier.IsPrivate(address, _gateway);

    private string? SignallingAddress(CallParty party, string capture) =>
        _signalling.FirstOrDefault(c => c.Sender == party && c.Message.Capture == capture)?.Message.Source.Address;

    private bool IsInsideSide(CallParty party) => _local == party;

    private IEnumerable<string> CapturesOnSideOf(CallParty party) => _captures.Where(c => _inside[c] == IsInsideSide(party));

    /// <summary>The party's SDP audio endpoints in one capture, in time order, with the message that carried each.</summary>
    private List<(MediaEndpoint Endpoint, SignallingRecord Message)> Announced(CallParty party, string capture)
    {
        if (_announced.TryGetValue((party, capture), out var cached))
        {
            return cached;
        }

        var announced = new List<(MediaEndpoint, SignallingRecord)>();
        _announced.Add((party, capture), announced);
        foreach (var call in _signalling.Where(c => c.Sender == party && c.Message.Capture == capture))
        {
            if (call.Message.Sdp?.Audio?.Endpoint is { } endpoint && (announced.Count == 0 || announced[^1].Item1 != endpoint))
            {
                announced.Add((endpoint, call.Message));
            }
        }

        return announced;
    }

    private List<SdpExchange> OfferAnswer()
    {
        var exchanges = new List<SdpExchange>();
        if (IsH323)
        {
            // H.245 says which message offers media (OpenLogicalChannel, fastStart in Setup) and which answers.
            exchanges.AddRange(_signalling.Where(c => c.Message.ExchangeRole is not null && c.Message.Sdp is not null).Select(c => Exchange(c, c.Message.ExchangeRole!)));
            return [.. exchanges.OrderBy(e => e.TimeNanoseconds).ThenBy(e => _captures.IndexOf(e.Capture))];
        }

        foreach (var capture in _captures)
        {
            // An INVITE transaction and its ACK share the CSeq number; the first SDP in it is the offer and the
            // first SDP from the other party the answer (RFC 3264 §4, RFC 3261 §13.2.1 for offers in 2xx/ACK).
            var transactions = _signalling
                .Where(c => c.Message.Capture == capture && c.Message.Method is "INVITE" or "ACK" && c.Message.Sdp is not null)
                .GroupBy(c => (c.Message.CSeq, Initiator: c.Message.IsRequest ? c.Sender : c.Sender.Other()));
            foreach (var transaction in transactions)
            {
                var offer = transaction.First();
                exchanges.Add(Exchange(offer, "offer"));
                if (transaction.FirstOrDefault(c => c.Sender != offer.Sender) is { } answer)
                {
                    exchanges.Add(Exchange(answer, "answer"));
                }
            }
        }

        return [.. exchanges.OrderBy(e => e.TimeNanoseconds).ThenBy(e => _captures.IndexOf(e.Capture))];

        static SdpExchange Exchange(CallMessage call, string role) =>
            new(call.Message.Capture, call.Message.Frame, call.Message.TimeNanoseconds, call.Message.CSeq, call.Message.Label, call.Sender, role, call.Message.Sdp!);
    }

    private DoctorCause WhyNotEstablished()
    {
        if (IsH323)
        {
            return WhyH323NotEstablished();
        }

        var responses = _signalling.Where(c => !c.Message.IsRequest && c.Message.Method == "INVITE").Select(c => c.Message).ToList();
        // The last one: an INVITE retried with credentials after a 401/407 (same Call-ID, RFC 3261 §22.2) fails or succeeds on its own.
        if (responses.LastOrDefault(r => r.IsFinalResponse) is { } final)
        {
            var challenge = final.StatusCode is 401 or 407 ? "; the caller did not retry with credentials (RFC 3261 §22.2)" : string.Empty;
            return new DoctorCause("rejected", $"the INVITE was answered \"{final.StartLine["SIP/2.0 ".Length..]}\" ({Where(final)}): a final non-2xx response ends the transaction without a dialog (RFC 3261 §13.2.2.3){challenge}");
        }

        if (responses.Count > 0)
        {
            var last = responses[^1];
            return new DoctorCause("no-final-response", $"the INVITE got \"{last.StartLine["SIP/2.0 ".Length..]}\" ({Where(last)}) but no final response in the capture: the call was still ringing, or the capture ends early (RFC 3261 §13.2.2)");
        }

        var message = $"the INVITE ({Where(_invite)}) got no response at all in the capture: the far end did not answer, or its responses never came back";
        if (_invite.ViaSentBy is { } via && IsPrivate(via.Address) && !_inside.GetValueOrDefault(_invite.Capture))
        {
            message += $"; its Via names the private {via} and no ALG translated it, so responses routed by Via without rport (RFC 3261 §18.2.2, RFC 3581) cannot come back";
        }

        return new DoctorCause("no-response", message);
    }

    private MediaDirectionReport Judge(CallParty sender, List<DoctorCause> causes)
    {
        var receiver = sender.Other();
        var observations = new List<RtpObservation>();
        foreach (var capture in _captures)
        {
            var scan = _scans.First(s => s.Name == capture);
            foreach (var flow in scan.Flows)
            {
                if (Classify(flow, sender, receiver, capture) is { } kind)
                {
                    observations.Add(new RtpObservation(capture, flow.Source, flow.Destination, flow.Packets, flow.FirstNanoseconds, flow.LastNanoseconds, kind));
                }
            }
        }

        var senderSide = CapturesOnSideOf(sender).ToList();
        var receiverSide = CapturesOnSideOf(receiver).ToList();
        var sent = observations.Where(o => o.Delivers && senderSide.Contains(o.Capture)).ToList();
        var arrived = observations.Where(o => o.Delivers && receiverSide.Contains(o.Capture)).ToList();
        bool heard;
        if (senderSide.Count > 0 && receiverSide.Count > 0 && IsInsideSide(sender) != IsInsideSide(receiver))
        {
            // Audio that stops arriving while it is still being sent is lost for the rest of the call.
            heard = sent.Count > 0 && arrived.Count > 0 && !StoppedArriving(sent, arrived);
        }
        else
        {
            heard = senderSide.Count > 0 ? sent.Count > 0 : arrived.Count > 0;
        }

        var view = senderSide.FirstOrDefault() ?? receiverSide.FirstOrDefault() ?? _captures[0];
        var announced = Announced(receiver, view);
        var report = new MediaDirectionReport(sender, receiver, announced.Count > 0 ? announced[^1].Endpoint : null, announced.Count > 0 ? view : null, heard, observations);
        if (!heard)
        {
            causes.AddRange(WhySilent(report, view, sent, arrived, senderSide, receiverSide));
        }

        return report;
    }

    private RtpObservationKind? Classify(RtpFlow flow, CallParty sender, CallParty receiver, string capture)
    {
        var receiverEndpoints = Announced(receiver, capture);
        var senderEndpoints = Announced(sender, capture);
        if (receiverEndpoints.Count > 0)
        {
            var latest = receiverEndpoints[^1].Endpoint;
            if (receiverEndpoints.Any(e => e.Endpoint == flow.Destination))
            {
                return flow.Destination == latest ? RtpObservationKind.ToAnnounced : RtpObservationKind.ToOldEndpoint;
            }

            // On the phone's side the NAT has already put the phone's own address back: the SDP may say the
            // public address (STUN, or an ALG's rewrite seen upstream) while the packet says the private one.
            if (_inside[capture] && IsInsideSide(receiver) && flow.Destination.Address == SignallingAddress(receiver, capture)
                && receiverEndpoints.Any(e => e.Endpoint.Port == flow.Destination.Port))
            {
                return flow.Destination.Port == latest.Port ? RtpObservationKind.ArrivedTranslated : RtpObservationKind.ToOldEndpoint;
            }
        }

        // Symmetric RTP (RFC 4961): a party sends from the port it receives on, so its announced port names its flows.
        var fromSender = senderEndpoints.Any(e => e.Endpoint == flow.Source)
            || (flow.Source.Address == SignallingAddress(sender, capture) && senderEndpoints.Any(e => e.Endpoint.Port == flow.Source.Port));
        return fromSender ? RtpObservationKind.Stray : null;
    }

    private List<DoctorCause> WhySilent(
        MediaDirectionReport report,
        string view,
        List<RtpObservation> sent,
        List<RtpObservation> arrived,
        List<string> senderSide,
        List<string> receiverSide)
    {
        var causes = new List<DoctorCause>();
        var sender = report.From;
        var receiver = report.To;
        if (report.Announced is not { } farView)
        {
            causes.Add(IsH323
                ? new DoctorCause("no-media-channel", $"the {receiver.Code()} never announced where it receives media (no mediaChannel in an OpenLogicalChannelAck, OpenLogicalChannel or fastStart, H.245 §7.3.1) in {view}")
                : new DoctorCause("no-sdp", $"the {receiver.Code()} never announced an audio endpoint (no SDP with an m=audio line and a port) in {view}"));
            return causes;
        }

        var insideCapture = _captures.FirstOrDefault(c => _inside[c]);
        var outsideCapture = _captures.FirstOrDefault(c => !_inside[c]);
        var insideView = insideCapture is null ? default : Announced(receiver, insideCapture).LastOrDefault();
        var outsideView = outsideCapture is null ? default : Announced(receiver, outsideCapture).LastOrDefault();
        var receiverIsLocal = IsInsideSide(receiver);
        var farViewMessage = Announced(receiver, view)[^1].Message;

        if (receiverIsLocal && !IsInsideSide(sender) && IsPrivate(farView.Address))
        {
            var evidence = _inside[view]
                ? $"sent so by the {receiver.Code()} ({Where(farViewMessage)}); no outside capture shows whether a gateway translated it, and none of the {sender.Code()}'s RTP came back"
                : $"and it is still untranslated beyond the gateway ({Where(farViewMessage)})";
            causes.Add(IsH323
                ? new DoctorCause(
                    "private-address-in-olc",
                    $"the {receiver.Code()}'s H.245 mediaChannel announces {farView} ({AddressClassifier.Describe(farView.Address, _gateway)}), {evidence}. The {sender.Code()} sends the channel's RTP there (H.245 §7.3.1: the OpenLogicalChannelAck names where the channel's media goes) and cannot reach it: an H.323 ALG must translate mediaChannel to the mapped address (algs.md §4.2)",
                    _gateway?.AlgShouldBeOn(Protocol, Transport))
                : new DoctorCause(
                    "private-address-in-sdp",
                    $"the {receiver.Code()}'s SDP announces {farView} (c={farView.Address}, {AddressClassifier.Describe(farView.Address, _gateway)}), {evidence}. The {sender.Code()} sends its RTP there (RFC 3264 §6) and cannot reach it: a SIP ALG must translate c=/m= to the mapped address (RFC 4566 §5.7)",
                    _gateway?.SipAlgShouldBeOn(Transport)));
        }
        else if (receiverIsLocal && insideView.Message is not null && outsideView.Message is not null && !IsPrivate(insideView.Endpoint.Address)
            && insideView.Endpoint.Address != outsideView.Endpoint.Address)
        {
            var own = SignallingAddress(receiver, insideCapture!);
            causes.Add(new DoctorCause(
                "alg-rewrote-public-address",
                $"the {receiver.Code()} announced its public address {insideView.Endpoint} ({Where(insideView.Message)}), not its own {own}: learnt by STUN (RFC 5389; a server-reflexive address, RFC 8445 §5.1.1.1); beyond the gateway the {MediaAnnouncement} says {outsideView.Endpoint} ({Where(outsideView.Message)}): an ALG rewrote an address that was already public, {Unmapped(outsideView.Endpoint.Address, receiver)}",
                _gateway?.AlgShouldBeOff(Protocol, Transport)));
        }
        else if ((receiverIsLocal || _local is null) && !_inside[view] && !IsPrivate(farView.Address) && !IsMapped(farView.Address, receiver))
        {
            var signalled = SignallingAddress(receiver, view);
            var headers = new[] { farViewMessage.ViaSentBy?.Address, farViewMessage.Contact?.Address };
            if (signalled is not null && headers.Contains(signalled))
            {
                causes.Add(new DoctorCause(
                    "alg-rewrote-public-address",
                    $"the {receiver.Code()}'s SDP announces {farView} ({Where(farViewMessage)}) but its Via/Contact carry {signalled}, the public address its signalling comes from, so the phone knew its public address (STUN, RFC 5389) and the SDP alone was rewritten on the path, as an ALG does; {Unmapped(farView.Address, receiver)}",
                    _gateway?.AlgShouldBeOff(Protocol, Transport)));
            }
            else
            {
                causes.Add(new DoctorCause(
                    "unmapped-address",
                    $"the {receiver.Code()}'s {MediaAnnouncement} announces {farView} ({Where(farViewMessage)}), {Unmapped(farView.Address, receiver)}"));
            }
        }

        var stray = report.Observations.Where(o => o.Kind == RtpObservationKind.Stray && senderSide.Contains(o.Capture)).ToList();
        foreach (var flow in stray.Where(o => !IsPrivate(o.Destination.Address) && !IsMapped(o.Destination.Address, receiver)))
        {
            causes.Add(new DoctorCause("unmapped-address", $"the {sender.Code()} sent its RTP to {flow.Destination} ({flow.Packets} packets in {flow.Capture}), an address the gateway never mapped"));
        }

        foreach (var flow in report.Observations.Where(o => o.Kind == RtpObservationKind.Stray && IsMapped(o.Destination.Address, receiver)))
        {
            _notes.Add($"RTP {flow.Source} -> {flow.Destination} ({flow.Packets} packets in {flow.Capture}) is not addressed to the announced {farView}: only a far end that latches onto the source of the RTP it receives (symmetric RTP, RFC 4961) sends it there; one that follows the SDP (RFC 3264 §6) is not heard");
        }

        var changed = Announced(receiver, view);
        var old = report.Observations.Where(o => o.Kind == RtpObservationKind.ToOldEndpoint).ToList();
        if (changed.Count > 1 && old.Count > 0 && old.Max(o => o.LastNanoseconds) > changed[^1].Message.TimeNanoseconds)
        {
            var previous = changed[^2].Endpoint;
            causes.Add(new DoctorCause(
                "media-port-changed",
                $"a re-INVITE ({Where(changed[^1].Message)}, CSeq {changed[^1].Message.CSeq}) moved the {receiver.Code()}'s audio from {previous} to {changed[^1].Endpoint}, but the {sender.Code()} kept sending to the old endpoint ({old.Sum(o => o.Packets)} packets until {Offset(old.Max(o => o.LastNanoseconds))}) (RFC 3264 §8: a changed port takes effect with the answer)"));
        }

        if (sent.Count > 0 && arrived.Count == 0 && receiverSide.Count > 0 && IsInsideSide(sender) != IsInsideSide(receiver))
        {
            var first = sent[0];
            causes.Add(new DoctorCause(
                "pinhole-missing",
                $"the {sender.Code()}'s RTP reached the gateway at {first.Destination} ({first.Packets} packets in {first.Capture}) but none reached the {receiver.Code()} ({string.Join(", ", receiverSide)}): the gateway had no mapping or pinhole for it",
                receiverIsLocal && _gateway?.AlgFor(Protocol) is { Enabled: false } ? _gateway.AlgShouldBeOn(Protocol, Transport) : null));
        }
        else if (sent.Count > 0 && arrived.Count > 0 && StoppedArriving(sent, arrived))
        {
            var timeout = _gateway?.Policy.Timeouts.FirstOrDefault(t => t.Key.Contains("udp", StringComparison.OrdinalIgnoreCase)).Value;
            causes.Add(new DoctorCause(
                "pinhole-expired",
                $"the {receiver.Code()} received the {sender.Code()}'s RTP until {Offset(arrived.Max(o => o.LastNanoseconds))}, but it kept arriving at the gateway until {Offset(sent.Max(o => o.LastNanoseconds))}: the mapping or pinhole expired" +
                (timeout?.Seconds is { } seconds ? $" (UDP timeout {seconds} s, {timeout.Source.ToLocation()})" : string.Empty)));
        }

        if (causes.Count == 0)
        {
            var anything = report.Observations.Count > 0;
            causes.Add(new DoctorCause(
                "no-rtp",
                anything
                    ? $"RTP from the {sender.Code()} appears, but never towards the {receiver.Code()}'s announced {farView}"
                    : $"no RTP from the {sender.Code()} appears in {string.Join(", ", _captures)}: it sent none, or it was lost before {(senderSide.Count > 0 ? "this capture" : "the gateway")}"));
        }

        return causes;
    }

    /// <summary>
    /// H.323 causes that concern the whole call: an h245Address left private beyond the gateway (the far end cannot
    /// open the H.245 connection, so no logical channel and no media follow, H.225.0 §7.6), and an H.460.18/19 endpoint
    /// whose messages an ALG rewrote (its traversal server expects them as the endpoint wrote them: algs.md §4.6).
    /// </summary>
    private void AddH323Causes(List<DoctorCause> causes)
    {
        if (_local is not { } local)
        {
            return;
        }

        foreach (var call in _signalling.Where(c => c.Sender == local && !_inside[c.Message.Capture] && c.Message.Contact is { } h245 && IsPrivate(h245.Address)))
        {
            causes.Add(new DoctorCause(
                "private-h245-address",
                $"the {local.Code()}'s h245Address {call.Message.Contact} ({Where(call.Message)}) is {AddressClassifier.Describe(call.Message.Contact!.Value.Address, _gateway)} beyond the gateway: the {local.Other().Code()} cannot open the H.245 connection there (H.225.0 §7.6), so no logical channel and no media can follow; an H.323 ALG must translate it and let that connection in",
                _gateway?.AlgShouldBeOn(Protocol, Transport)));
            break;
        }

        var traversal = _signalling.Where(c => c.Sender == local && c.Message.TraversalFeatures).ToList();
        if (traversal.Count == 0)
        {
            return;
        }

        foreach (var call in traversal.Where(c => !_inside[c.Message.Capture]))
        {
            var own = _captures.Where(c => _inside[c]).Select(c => _signalling.FirstOrDefault(m => m.Sender == local && m.Message.Capture == c && m.Message.Label == call.Message.Label)).FirstOrDefault(m => m is not null);
            var written = new[] { call.Message.Contact, call.Message.Sdp?.Audio?.Endpoint }.Where(e => e is not null).Select(e => e!.Value).ToList();
            var original = own is null ? [] : new[] { own.Message.Contact, own.Message.Sdp?.Audio?.Endpoint }.Where(e => e is not null).Select(e => e!.Value).ToList();
            var rewritten = own is not null
                ? !written.SequenceEqual(original)
                : written.Any(e => !IsPrivate(e.Address) && IsMapped(e.Address, local));
            if (rewritten)
            {
                var before = own is null ? string.Empty : $" (the {local.Code()} wrote {string.Join(", ", original)} in {Where(own.Message)})";
                causes.Add(new DoctorCause(
                    "alg-rewrote-h460",
                    $"the {local.Code()} is an H.460.18/19 traversal endpoint ({Where(call.Message)} carries the traversal features) and beyond the gateway its addresses read {string.Join(", ", written)}{before}: an ALG rewrote them. A traversal endpoint's media and signalling go through its traversal server, which expects the messages as the endpoint wrote them; an H.323-aware firewall that rewrites them breaks inbound audio, video and content (algs.md §4.6)",
                    _gateway?.AlgShouldBeOff(Protocol, Transport)));
                return;
            }
        }
    }

    private DoctorCause WhyH323NotEstablished()
    {
        var answers = _signalling.Where(c => c.Sender == CallParty.Callee && c.Message.Method == "INVITE" && !c.Message.IsRequest).Select(c => c.Message).ToList();
        if (_signalling.FirstOrDefault(c => c.Message.Label == "ReleaseComplete") is { } release)
        {
            return new DoctorCause("rejected", $"the {release.Sender.Code()} released the call ({Where(release.Message)}) before any Connect (H.225.0 §7.3.2)");
        }

        if (answers.Count > 0)
        {
            return new DoctorCause("no-final-response", $"the Setup got {answers[^1].Label} ({Where(answers[^1])}) but no Connect in the capture: the call was still ringing, or the capture ends early (H.225.0 §7.3)");
        }

        return new DoctorCause("no-response", $"the Setup ({Where(_invite)}) got no answer at all in the capture: the far end did not answer, or its messages never came back");
    }

    private static bool StoppedArriving(List<RtpObservation> sent, List<RtpObservation> arrived) =>
        arrived.Max(o => o.LastNanoseconds) + ExpiryToleranceNanoseconds < sent.Max(o => o.LastNanoseconds);

    /// <summary>Whether the gateway maps this address for the party: its outside address (config) or the address the party's signalling leaves from.</summary>
    private bool IsMapped(string address, CallParty party)
    {
        if (_gateway is not null)
        {
            return _gateway.OwnsOutside(address);
        }

        return _captures.Where(c => !_inside[c]).Any(c => SignallingAddress(party, c) == address);
    }

    private string Unmapped(string address, CallParty party)
    {
        var owned = _gateway is not null
            ? $"the gateway's outside addresses are {_gateway.OutsideAddressList()}"
            : _captures.Where(c => !_inside[c]).Select(c => SignallingAddress(party, c)).FirstOrDefault(a => a is not null) is { } seen
                ? $"the gateway translates the {party.Code()} to {seen}"
                : "no capture shows the gateway's outside address";
        return $"and {address} is an address the gateway never mapped ({owned}): RTP sent there never reaches the {party.Code()}";
    }

    private void AddStunNote()
    {
        if (_local is not { } local || _gateway?.SipAlg is not { Enabled: true })
        {
            return;
        }

        foreach (var capture in _captures.Where(c => _inside[c]))
        {
            var own = SignallingAddress(local, capture);
            if (Announced(local, capture).LastOrDefault() is { Message: not null } announced && !IsPrivate(announced.Endpoint.Address) && announced.Endpoint.Address != own)
            {
                var advice = _gateway.SipAlgShouldBeOff(Transport);
                _notes.Add($"the {local.Code()} announces its public address {announced.Endpoint.Address} (STUN-derived, not its own {own}) while {advice.Explanation.Replace(" and rewrote the SDP", string.Empty, StringComparison.Ordinal)}: an ALG must leave such an SDP alone; if it rewrites it, turn it off with: {string.Join(" / ", advice.FixLines)}");
                return;
            }
        }
    }

    private string Where(SignallingRecord message) =>
        string.Create(CultureInfo.InvariantCulture, $"{message.Capture} #{message.Frame} {message.Label}");

    private string Offset(long nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"+{(nanoseconds - _invite.TimeNanoseconds) / (double)NanosecondsPerSecond:0.000}s");
}
