using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.H323;

/// <summary>
/// Acts on the addresses a walk found in one H.225.0 call signalling or H.245 message (algs.md §4.3): rewrites the
/// sender's own addresses in place to the public ones and asks for the pinholes they need — the H.245 connection
/// (inspected by the H.245 ALG), RTP/RTCP pairs, T.120 — and closes a channel's or a call's pinholes.
/// </summary>
/// <remarks>
/// <para>Only an address equal to the sender's own is acted on (algs.md §0.2 #2): an inside sender's address becomes
/// public and opens a pinhole from the peer; an outside sender's h245Address opens the inside party's way out to it,
/// inspected. Anything naming another host, a port below 1024, or Facility's alternativeAddress (never a pinhole:
/// NAT Slipstreaming 2.0 came in through Linux's helper honouring it, algs.md §4.4) is left as it is and counted.</para>
/// <para>All of a message's rewrites are given together, in order, or none.</para>
/// </remarks>
internal static class H323Translator
{
    /// <summary>The pinhole group of a Q.931 call's H.245 connection: 1 + the call reference value; H.245 connections use 1.</summary>
    public static long CallGroup(int callReference) => 1 + callReference;

    /// <summary>T.120 separate-stack pinholes of a connection.</summary>
    public const long T120Group = 0x20000;

    /// <summary>Facility reason callForwarded (FacilityReason root alternative 1, H.225.0).</summary>
    public const int CallForwarded = 1;

    private const string H245PeerReason = "the H.245 connection is made from the peer's ephemeral port (H.225.0 §7.6 h245Address)";
    private const string MediaPeerReason = "H.245 names where media is received, not the port the peer sends it from (H.245 H2250LogicalChannelParameters)";
    private const string T120PeerReason = "T.120 connections come from the peer's ephemeral ports (H.245 separateStack)";

    /// <summary>The owner tag of the H.245 ALG, named as the inspector of the connection an h245Address opens.</summary>
    public static readonly int H245Inspector = AlgStage.OwnerTagOf(H323H245AlgDescriptor.Instance.Name);

    /// <summary>The owner tag of the Q.931 ALG, named as the inspector of calls a registration lets in.</summary>
    public static readonly int Q931Inspector = AlgStage.OwnerTagOf(H323Q931AlgDescriptor.Instance.Name);

    /// <param name="call">The Q.931 call reference (0 on an H.245 connection): the group its pairs and H.245 pinhole join.</param>
    /// <param name="canRewrite">The message's first byte is still in this packet (or held back).</param>
    public static void Translate(in AlgFlowContext context, H323Settings settings, H323Findings findings, H323MediaChannels media, int call, bool canRewrite, ref AlgOutput output)
    {
        var fromInside = context.ArrivalSide == FlowSide.Inside;
        var sender = fromInside ? context.Inside.Address : context.Remote.Address;
        var pairsBefore = media.Count;
        Span<H323Edit> edits = stackalloc H323Edit[H323Findings.DefaultCapacity];
        var count = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            var field = findings[i];
            if (field.Ipv6)
            {
                output.ReportPartRefused("H.323: an IPv6 address passes as it is, nothing opens for it (the runtime translates IPv4 only)");
                continue;
            }

            switch (field.Kind)
            {
                case H323AddressKind.H245Address:
                    OnH245Address(in context, settings, in field, fromInside, sender, call, edits, ref count, ref output);
                    break;
                case H323AddressKind.DestCallSignalAddress:
                    // A callee behind a port forward: the caller wrote the public address; the callee sees its own (Linux does the same).
                    if (!fromInside && context.Translated && field.Address == context.Mapped.Address && field.Port == context.Mapped.Port)
                    {
                        edits[count++] = new H323Edit(field.Offset, context.Inside);
                    }

                    break;
                case H323AddressKind.SourceCallSignalAddress:
                    if (fromInside && context.Translated && field.Address == context.Inside.Address)
                    {
                        edits[count++] = new H323Edit(field.Offset, field.Port == context.Inside.Port ? context.Mapped : new AlgEndpoint(context.Mapped.Address, field.Port));
                    }

                    break;
                case H323AddressKind.AlternativeAddress:
                    OnAlternativeAddress(in context, findings.FacilityReason, in field, fromInside, sender, edits, ref count, ref output);
                    break;
                case H323AddressKind.MediaChannel:
                case H323AddressKind.MediaControlChannel:
                    OnMedia(in context, settings, in field, media, fromInside, sender, call, edits, ref count, ref output);
                    break;
                case H323AddressKind.SeparateStack:
                    OnSeparateStack(in context, settings, in field, fromInside, sender, edits, ref count, ref output);
                    break;
                case H323AddressKind.ChannelClosed:
                    // CloseLogicalChannel is sent by the channel's opener (H.245 §8.6).
                    var key = H323MediaChannels.ChannelKey(field.Channel, openedByInside: fromInside);
                    for (var group = media.TakeClosed(key); group != 0; group = media.TakeClosed(key))
                    {
                        output.TryRemovePinholeGroup(group);
                    }

                    break;
            }
        }

        if (findings.EndSession)
        {
            CloseMedia(media, -1, ref output);
        }

        if (count == 0)
        {
            return;
        }

        if (!canRewrite)
        {
            media.Truncate(pairsBefore);
            output.ReportMalformed("H.323: a message split over segments could not be held back and rewritten whole; nothing opens");
            return;
        }

        if (!H323Edit.TryEmit(edits[..count], ref output))
        {
            media.Truncate(pairsBefore);
            output.ReportMalformed("H.323: the message's rewrites do not fit the ALG's output; nothing opens");
        }
    }

    /// <summary>Closes the media pairs of <paramref name="call"/> (every pair when negative).</summary>
    public static void CloseMedia(H323MediaChannels media, int call, ref AlgOutput output)
    {
        for (var group = media.TakeOfCall(call); group != 0; group = media.TakeOfCall(call))
        {
            output.TryRemovePinholeGroup(group);
        }
    }

    private static void OnH245Address(in AlgFlowContext context, H323Settings settings, in H323AddressField field, bool fromInside, uint sender, int call, scoped Span<H323Edit> edits, ref int count, ref AlgOutput output)
    {
        if (field.Address != sender)
        {
            output.ReportPartRefused("H.323: an h245Address naming a host other than the sender; left as is, nothing opens (algs.md §0.2 #2)");
            return;
        }

        if (field.Port < 1024)
        {
            output.ReportPartRefused("H.323: an h245Address with a port below 1024; left as is, nothing opens (algs.md §0.2 #4)");
            return;
        }

        ExpectationSpec pinhole;
        if (fromInside)
        {
            var inside = new AlgEndpoint(field.Address, field.Port);
            var mapped = inside;
            if (context.Translated
                && (!context.Nat.TryReserveMapping(IpProtocol.Tcp, inside, new AlgEndpoint(context.Remote.Address, 0), settings.MediaLifetime, out mapped, out _) || mapped.Port < 1024))
            {
                output.ReportPartRefused("H.323: no public port for the H.245 connection could be reserved; nothing opens");
                return;
            }

            if (mapped != inside)
            {
                edits[count++] = new H323Edit(field.Offset, mapped);
            }

            pinhole = new ExpectationSpec(IpProtocol.Tcp, FlowSide.Outside, ExpectedPeer.AddressOnly(context.Remote.Address, H245PeerReason), mapped.Address, mapped.Port, inside.Address, inside.Port, settings.MediaLifetime, Persistent: false, context.Flow, context.OwnerTag, CallGroup(call), InspectedBy: H245Inspector);
        }
        else
        {
            // The peer outside listens; the inside party connects out to it: the pinhole only names the H.245 ALG as the
            // inspector of that connection, whatever its port.
            pinhole = new ExpectationSpec(IpProtocol.Tcp, FlowSide.Inside, ExpectedPeer.AddressOnly(context.Inside.Address, H245PeerReason), field.Address, field.Port, field.Address, field.Port, settings.MediaLifetime, Persistent: false, context.Flow, context.OwnerTag, CallGroup(call), InspectedBy: H245Inspector);
        }

        // The same address repeated (CallProceeding, Alerting, Connect, Facility) leaves one pinhole.
        output.TryRemovePinholeGroup(CallGroup(call));
        output.TryRequestPinhole(in pinhole);
    }

    private static void OnAlternativeAddress(in AlgFlowContext context, int reason, in H323AddressField field, bool fromInside, uint sender, scoped Span<H323Edit> edits, ref int count, ref AlgOutput output)
    {
        var ownSignalling = fromInside && field.Address == context.Inside.Address && field.Port == context.Inside.Port;
        if (ownSignalling)
        {
            if (context.Translated)
            {
                edits[count++] = new H323Edit(field.Offset, context.Mapped);
            }

            return;
        }

        if (reason == CallForwarded || field.Address == sender)
        {
            output.ReportPartRefused("H.323: a Facility alternativeAddress opens nothing and is not translated (NAT Slipstreaming 2.0, algs.md §4.4)");
        }
    }

    private static void OnMedia(in AlgFlowContext context, H323Settings settings, in H323AddressField field, H323MediaChannels media, bool fromInside, uint sender, int call, scoped Span<H323Edit> edits, ref int count, ref AlgOutput output)
    {
        if (field.Address != sender)
        {
            output.ReportPartRefused("H.323: a logical channel's media address names a host other than the sender; left as is, nothing opens (algs.md §0.2 #2)");
            return;
        }

        if (!fromInside)
        {
            // Where the outside party receives: the inside party's media to it leaves through the NAT like any flow.
            return;
        }

        if (field.Port < 1024 || field.Port == ushort.MaxValue)
        {
            output.ReportPartRefused("H.323: a media port below 1024; left as is, nothing opens (algs.md §0.2 #4)");
            return;
        }

        // RTP on the even port, RTCP on the next (RFC 3550 §11; algs.md §4.3): the pair is reserved and opened together.
        var rtp = (ushort)(field.Port & 0xFFFE);
        if (!media.TryFind(rtp, out var pair))
        {
            var mapped = new AlgEndpoint(field.Address, rtp);
            if (context.Translated && !context.Nat.TryReserveMappingPair(IpProtocol.Udp, new AlgEndpoint(field.Address, rtp), context.Remote.Address, settings.MediaLifetime, out mapped, out _))
            {
                output.ReportPartRefused("H.323: no public RTP/RTCP port pair could be reserved; the channel's address is left as is");
                return;
            }

            if (!media.TryAdd(rtp, mapped.Address, mapped.Port, call, out var group))
            {
                output.ReportPartRefused("H.323: more media pairs on one connection than the ALG tracks; the channel's address is left as is");
                return;
            }

            var peer = ExpectedPeer.AddressOnly(context.Remote.Address, MediaPeerReason);
            var rtpHole = new ExpectationSpec(IpProtocol.Udp, FlowSide.Outside, peer, mapped.Address, mapped.Port, field.Address, rtp, settings.MediaLifetime, Persistent: false, context.Flow, context.OwnerTag, group);
            var rtcpHole = rtpHole with { LocalPort = (ushort)(mapped.Port + 1), TranslatedPort = (ushort)(rtp + 1) };
            output.TryRequestPinhole(in rtpHole);
            output.TryRequestPinhole(in rtcpHole);
            pair = new H323MediaChannel(rtp, mapped.Address, mapped.Port, group, call, -1, -1);
        }

        media.Attach(rtp, H323MediaChannels.ChannelKey(field.Channel, openedByInside: !field.PeerChannel));
        var translated = new AlgEndpoint(pair.PublicAddress, (ushort)(pair.PublicRtpPort + (field.Port & 1)));
        if (translated != new AlgEndpoint(field.Address, field.Port))
        {
            edits[count++] = new H323Edit(field.Offset, translated);
        }
    }

    private static void OnSeparateStack(in AlgFlowContext context, H323Settings settings, in H323AddressField field, bool fromInside, uint sender, scoped Span<H323Edit> edits, ref int count, ref AlgOutput output)
    {
        if (field.Address != sender || field.Port < 1024)
        {
            output.ReportPartRefused("H.323: a T.120 separateStack address naming another host or a port below 1024; left as is, nothing opens");
            return;
        }

        if (!fromInside)
        {
            return;
        }

        var inside = new AlgEndpoint(field.Address, field.Port);
        var mapped = inside;
        if (context.Translated && !context.Nat.TryReserveMapping(IpProtocol.Tcp, inside, new AlgEndpoint(context.Remote.Address, 0), settings.MediaLifetime, out mapped, out _))
        {
            output.ReportPartRefused("H.323: no public port for the T.120 connection could be reserved; nothing opens");
            return;
        }

        if (mapped != inside)
        {
            edits[count++] = new H323Edit(field.Offset, mapped);
        }

        // T.120 opens several connections to the same address (algs.md §4.3): the pinhole stays until it expires.
        var pinhole = new ExpectationSpec(IpProtocol.Tcp, FlowSide.Outside, ExpectedPeer.AddressOnly(context.Remote.Address, T120PeerReason), mapped.Address, mapped.Port, inside.Address, inside.Port, settings.MediaLifetime, Persistent: true, context.Flow, context.OwnerTag, T120Group);
        output.TryRemovePinholeGroup(T120Group);
        output.TryRequestPinhole(in pinhole);
    }
}
