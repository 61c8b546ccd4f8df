using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sdp;

/// <summary>
/// The SDP translation shared by the ALGs that carry SDP (SIP bodies, MGCP connection descriptors): which streams are
/// the sender's own, the public mappings reserved for them, and the edits that announce those.
/// </summary>
internal static class SdpRewriter
{
    public const int MaxSdpLines = 64;

    /// <summary>The literal of an added SDP RTCP attribute line (RFC 3605 §2.1).</summary>
    private static readonly ulong RtcpLinePrefix = TextEdit.PackPrefix("a=rtcp:"u8);

    /// <summary>
    /// Plans the translation of an SDP body the inside end sent (RFC 4566 §5.2, §5.7, §5.14; RFC 3605): for each m= line
    /// whose effective address is the sender's own, reserves the public RTP and RTCP mappings the media will leave with
    /// (alg-behaviour §2 #14) and, when <paramref name="rewrite"/>, plans the o=/c=/m=/a=rtcp edits (adding an a=rtcp
    /// line when the public RTCP port is not RTP+1). ICE offers are left alone (RFC 8445 §5.4).
    /// </summary>
    /// <param name="bodyStart">Offset of the body in the message the edits are relative to.</param>
    /// <param name="peer">The far end's address, when known: it keys address-dependent mappings.</param>
    /// <returns>False when the SDP has more lines or streams than a plan holds, or the edits do not fit.</returns>
    public static bool PlanEdits(
        in AlgFlowContext context,
        ReadOnlySpan<byte> body,
        int bodyStart,
        uint peer,
        long lifetime,
        bool rewrite,
        Span<TextEdit> edits,
        ref int count,
        Span<SdpMediaPlan> media,
        ref int mediaCount)
    {
        Span<SdpLine> lines = stackalloc SdpLine[MaxSdpLines];
        var lineCount = SdpParser.Parse(body, lines, out var usesIce);
        if (lineCount < 0)
        {
            return false;
        }

        if (usesIce)
        {
            // ICE (RFC 8445 §5.4): the endpoints found their own path; translating c=/m= would make the default
            // candidate disagree with the candidates and fail the check. Leave the SDP, and its pinholes, alone.
            return true;
        }

        lines = lines[..lineCount];
        var inside = context.Inside.Address;

        // Pass 1, one walk: each line's address parsed once (-1: none), every m= line's effective address
        // (media-level c= overrides the session-level one, which precedes all m= lines: RFC 4566 §5.7), ports,
        // a=rtcp and rtcp-mux.
        Span<long> addresses = stackalloc long[lineCount];
        var sessionAddress = 0u;
        for (var i = 0; i < lines.Length; i++)
        {
            ref readonly var line = ref lines[i];
            addresses[i] = line.AddressStart >= 0 && Ipv4Text.TryParseIpv4(body.Slice(line.AddressStart, line.AddressLength), out var parsed) ? parsed : -1;
            var index = line.MediaIndex;
            switch (line.Kind)
            {
                case SdpLineKind.Connection when index < 0 && addresses[i] >= 0 && sessionAddress == 0:
                    sessionAddress = (uint)addresses[i];
                    break;
                case SdpLineKind.Media:
                    if (mediaCount == media.Length)
                    {
                        return false;
                    }

                    var port = TryNumber(body, line.PortStart, line.PortLength, out var p) ? (int)p : -1;
                    media[mediaCount++] = new SdpMediaPlan { LineIndex = i, Port = port, Address = sessionAddress, RtcpPort = -1 };
                    break;
                case SdpLineKind.Connection when index >= 0 && index < mediaCount && addresses[i] >= 0:
                    media[index].Address = (uint)addresses[i];
                    break;
                case SdpLineKind.RtcpMux when index >= 0 && index < mediaCount:
                    media[index].Mux = true;
                    break;
                case SdpLineKind.Rtcp when index >= 0 && index < mediaCount && TryNumber(body, line.PortStart, line.PortLength, out var rtcp):
                    media[index].RtcpPort = (int)rtcp;
                    media[index].HasRtcpLine = true;
                    break;
            }
        }

        // Pass 2: reserve the mappings the media will leave with. Only the sender's own address, a real port and no
        // privileged port (alg-behaviour §3 T5) qualify.
        var remote = new AlgEndpoint(peer, 0);
        for (var i = 0; i < mediaCount; i++)
        {
            ref var plan = ref media[i];
            if (plan.Address != inside || plan.Port < 1024 || plan.LineIndex < 0)
            {
                continue;
            }

            if (plan.RtcpPort < 0)
            {
                plan.RtcpPort = plan.Mux ? plan.Port : plan.Port + 1;
            }

            if (IsBrowserBlockedPort(plan.Port) || (!plan.Mux && (plan.RtcpPort < 1024 || IsBrowserBlockedPort(plan.RtcpPort))))
            {
                continue;
            }

            if (!context.Nat.TryReserveMapping(IpProtocol.Udp, new AlgEndpoint(inside, (ushort)plan.Port), remote, lifetime, out var rtp, out _) || rtp.Port < 1024)
            {
                continue;
            }

            var rtcpMapped = rtp;
            if (!plan.Mux && plan.RtcpPort <= 65535
                && (!context.Nat.TryReserveMapping(IpProtocol.Udp, new AlgEndpoint(inside, (ushort)plan.RtcpPort), remote, lifetime, out rtcpMapped, out _) || rtcpMapped.Port < 1024))
            {
                continue;
            }

            plan.Translated = true;
            plan.MappedAddress = rtp.Address;
            plan.MappedPort = rtp.Port;
            plan.MappedRtcpPort = rtcpMapped.Port;
        }

        if (!rewrite)
        {
            return true;
        }

        // Pass 3: the edits, in body order. Addresses follow the media's own mapping, not the signalling flow's
        // (alg-behaviour §2 #14: with a pool the two may differ); session-level lines take the first stream's.
        var sessionMapped = context.Mapped.Address;
        for (var i = 0; i < mediaCount; i++)
        {
            if (media[i].Translated)
            {
                sessionMapped = media[i].MappedAddress;
                break;
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            ref readonly var line = ref lines[i];
            var address = addresses[i];
            var offset = bodyStart + line.AddressStart;
            var index = line.MediaIndex;
            var ownMedia = index >= 0 && index < mediaCount && media[index].Translated;
            var mapped = ownMedia ? media[index].MappedAddress : sessionMapped;
            switch (line.Kind)
            {
                case SdpLineKind.Origin or SdpLineKind.Connection when address == inside && mapped != inside:
                    if (!Add(edits, ref count, new TextEdit(offset, line.AddressLength, TextEditKind.Address, mapped, 0)))
                    {
                        return false;
                    }

                    break;
                case SdpLineKind.Media when ownMedia:
                    var plan = media[index];
                    if (plan.MappedPort != plan.Port && !Add(edits, ref count, new TextEdit(bodyStart + line.PortStart, line.PortLength, TextEditKind.Number, 0, plan.MappedPort)))
                    {
                        return false;
                    }

                    if (!plan.Mux && !plan.HasRtcpLine && plan.MappedRtcpPort != plan.MappedPort + 1)
                    {
                        // The far end would send RTCP to port+1 (RFC 3550 §11), which is not our mapping: say where (RFC 3605).
                        var lineEnd = line.Start + line.Length;
                        var endLength = lineEnd < body.Length && body[lineEnd] == '\r' && lineEnd + 1 < body.Length && body[lineEnd + 1] == '\n' ? 2 : 1;
                        if (!Add(edits, ref count, new TextEdit(bodyStart + Math.Min(body.Length, lineEnd + endLength), 0, TextEditKind.PrefixedNumberLine, 0, plan.MappedRtcpPort, endLength, RtcpLinePrefix)))
                        {
                            return false;
                        }
                    }

                    break;
                case SdpLineKind.Rtcp when ownMedia:
                    var rtcpPlan = media[index];
                    if (rtcpPlan.MappedRtcpPort != rtcpPlan.RtcpPort && !Add(edits, ref count, new TextEdit(bodyStart + line.PortStart, line.PortLength, TextEditKind.Number, 0, rtcpPlan.MappedRtcpPort)))
                    {
                        return false;
                    }

                    if (address == inside && mapped != inside
                        && !Add(edits, ref count, new TextEdit(offset, line.AddressLength, TextEditKind.Address, mapped, 0)))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>The first stream's connection address, else the session's (a hold address 0.0.0.0 names no peer).</summary>
    public static bool FirstMediaAddress(ReadOnlySpan<byte> body, out uint address)
    {
        Span<SdpLine> lines = stackalloc SdpLine[MaxSdpLines];
        var count = SdpParser.Parse(body, lines, out _);
        address = 0;
        var sessionAddress = 0u;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            if (line.Kind != SdpLineKind.Connection || !TryAddress(body, in line, out var candidate))
            {
                continue;
            }

            if (line.MediaIndex < 0)
            {
                sessionAddress = candidate;
            }
            else if (candidate != 0)
            {
                address = candidate;
                return true;
            }
        }

        // c=0.0.0.0 is hold (RFC 3264 §8.4): it names no peer.
        address = sessionAddress;
        return address != 0;
    }

    /// <summary>alg-behaviour §3 T8: ports browsers refuse because NAT Slipstreaming abused them; media announced on
    /// them is not given a mapping or a pinhole (no RTP stack uses them; an attacker does).</summary>
    public static bool IsBrowserBlockedPort(int port) => port is 1719 or 1720 or 1723 or 5060 or 5061 or 6566 or 6667 or 10080;

    private static bool TryAddress(ReadOnlySpan<byte> body, in SdpLine line, out uint address)
    {
        address = 0;
        return line.AddressStart >= 0 && Ipv4Text.TryParseIpv4(body.Slice(line.AddressStart, line.AddressLength), out address);
    }

    private static bool TryNumber(ReadOnlySpan<byte> body, int start, int length, out long value)
    {
        value = 0;
        return start >= 0 && DecimalText.TryParseNumber(body.Slice(start, length), out value);
    }

    public static bool AnyTranslated(scoped ReadOnlySpan<SdpMediaPlan> media)
    {
        foreach (var plan in media)
        {
            if (plan.Translated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An RTP and (without rtcp-mux) an RTCP pinhole per translated stream: from <paramref name="peer"/> to the
    /// stream's public ports, sent on to the inside end's own.</summary>
    public static void OpenMediaPinholes(in AlgFlowContext context, scoped ReadOnlySpan<SdpMediaPlan> media, ExpectedPeer peer, long lifetime, long group, bool persistent, ref AlgOutput output)
    {
        foreach (var plan in media)
        {
            if (!plan.Translated)
            {
                continue;
            }

            var rtp = new ExpectationSpec(IpProtocol.Udp, FlowSide.Outside, peer, plan.MappedAddress, plan.MappedPort, context.Inside.Address, (ushort)plan.Port, lifetime, persistent, context.Flow, context.OwnerTag, group);
            output.TryRequestPinhole(in rtp);
            if (!plan.Mux)
            {
                var rtcp = rtp with { LocalPort = plan.MappedRtcpPort, TranslatedPort = (ushort)plan.RtcpPort };
                output.TryRequestPinhole(in rtcp);
            }
        }
    }

    private static bool Add(Span<TextEdit> edits, ref int count, in TextEdit edit) => TextEditPlan.TryAdd(edits, ref count, in edit);
}
