using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Sdp;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Rtsp;

/// <summary>
/// Acts on SETUP requests and their replies (RFC 2326 §10.4, §12.39; RFC 7826 §13.3, §18.54): translates the ports and
/// addresses of the Transport header, removes a destination that is not the client's own, and opens the media pinholes
/// of one track, grouped by the RTSP session so a TEARDOWN of that session closes them.
/// </summary>
/// <remarks>
/// <para>Client inside (the usual player behind NAT): the SETUP's <c>client_port</c> pair is given a public pair the NAT
/// reserves (even and the next, so two players asking for the same ports get different public pairs), and the reply's
/// <c>client_port</c> is written back to the player's own. The pinholes admit the server's address only, from its
/// <c>server_port</c> when the reply names it, to the public pair, for <see cref="RtspSettings.PinholeLifetime"/>.</para>
/// <para>Server inside behind a port forward: the reply's <c>server_port</c> pair and <c>source</c> are given public
/// ones, and pinholes let the outside player's RTCP (and any media it sends) reach the server's pair.</para>
/// <para>Linux's out-of-tree helper reads only the SETUP, takes only the first alternative, never reads the reply (a
/// server that changes the client ports breaks it) and closes every pinhole of the connection on any TEARDOWN.</para>
/// </remarks>
internal static class RtspRewriter
{
    private const int MaxParameters = 32;
    private const int MaxEdits = 48;
    private const string NoServerPortReason = "RFC 2326 §12.39: the reply names no server_port, so the media's source port is not signalled";
    private const string NoClientPortReason = "RFC 2326 §12.39: the reply names no client_port";

    public static void OnSetupRequest(in AlgFlowContext context, RtspSession session, RtspSettings settings, ReadOnlySpan<byte> message, in RtspMessage parsed, int offset, bool canRewrite, ref AlgOutput output)
    {
        session.RememberSetup(parsed.CSeq);
        if (!parsed.HasTransport)
        {
            return;
        }

        var value = message.Slice(parsed.TransportStart, parsed.TransportLength);
        Span<RtspTransportParam> parameters = stackalloc RtspTransportParam[MaxParameters];
        if (!RtspTransportParser.TryParse(value, parameters, out var count))
        {
            output.ReportMalformed("RTSP: a SETUP Transport header that cannot be read (RFC 2326 §12.39); nothing opens");
            return;
        }

        var clientInside = context.ArrivalSide == FlowSide.Inside;
        var client = clientInside ? context.Inside.Address : context.Remote.Address;
        Span<TextEdit> edits = stackalloc TextEdit[MaxEdits];
        var editCount = 0;
        var lastRemoved = -1;
        var destAddrPublic = default(AlgEndpoint);
        for (var i = 0; i < count; i++)
        {
            var parameter = parameters[i];
            var at = parsed.TransportStart;
            switch (parameter.Kind)
            {
                case RtspTransportParamKind.ClientPort when clientInside && context.Translated && parameter.Udp:
                    if (parameter.Port < 1024 || (parameter.IsRange && parameter.SecondPort != parameter.Port + 1) || parameter.Port == ushort.MaxValue)
                    {
                        output.ReportPartRefused("RTSP: client_port below 1024 or not an RTP/RTCP pair (RFC 3550 §11); left as is, nothing opens");
                        break;
                    }

                    if (!context.Nat.TryReserveMappingPair(IpProtocol.Udp, new AlgEndpoint(context.Inside.Address, (ushort)parameter.Port), context.Remote.Address, settings.PinholeLifetime, out var mapped, out _))
                    {
                        output.ReportMalformed("RTSP: no public port pair for the media could be reserved");
                        return;
                    }

                    session.AddMap(new RtspPortMap(parsed.CSeq, parameter.Alternative, mapped.Address, mapped.Port, (ushort)parameter.Port));
                    if (mapped.Port != parameter.Port)
                    {
                        AddPortEdits(edits, ref editCount, at, in parameter, mapped.Port);
                    }

                    break;
                case RtspTransportParamKind.Destination or RtspTransportParamKind.DestAddr when parameter.HasAddress && parameter.Address == client && parameter.Address != 0:
                    if (clientInside && context.Translated)
                    {
                        if (parameter.Kind == RtspTransportParamKind.Destination)
                        {
                            TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.AddressStart, parameter.AddressLength, TextEditKind.Address, context.Mapped.Address, 0));
                        }
                        else if (!TranslateDestAddr(in context, session, settings, in parsed, in parameter, edits, ref editCount, ref destAddrPublic, ref output))
                        {
                            return;
                        }
                    }

                    break;
                case RtspTransportParamKind.Destination or RtspTransportParamKind.DestAddr when parameter.HasAddress || parameter.Kind == RtspTransportParamKind.Destination:
                    // Media sent to a third party on the client's word: RFC 2326 §12.39 warns it floods any address;
                    // the parameter is removed, so the server streams to the client or refuses the SETUP.
                    if (parameter.Start != lastRemoved)
                    {
                        lastRemoved = parameter.Start;
                        TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.Start, parameter.Length, TextEditKind.Delete, 0, 0));
                        output.ReportPartRefused("RTSP: destination names a host other than the client; removed (RFC 2326 §12.39)");
                    }

                    break;
                case RtspTransportParamKind.DestAddr when clientInside && context.Translated:
                    // RTSP 2.0 ":port" with no host: the client's own address, only the port is translated.
                    if (!TranslateDestAddr(in context, session, settings, in parsed, in parameter, edits, ref editCount, ref destAddrPublic, ref output))
                    {
                        return;
                    }

                    break;
            }
        }

        Emit(edits[..editCount], offset, canRewrite, ref output);
    }

    public static void OnSetupReply(in AlgFlowContext context, RtspSession session, RtspSettings settings, ReadOnlySpan<byte> message, in RtspMessage parsed, int offset, bool canRewrite, ref AlgOutput output)
    {
        if (!session.TakeSetup(parsed.CSeq) || parsed.Status is < 200 or > 299 || !parsed.HasTransport)
        {
            return;
        }

        var value = message.Slice(parsed.TransportStart, parsed.TransportLength);
        Span<RtspTransportParam> parameters = stackalloc RtspTransportParam[MaxParameters];
        if (!RtspTransportParser.TryParse(value, parameters, out var count))
        {
            output.ReportMalformed("RTSP: a SETUP reply's Transport header that cannot be read (RFC 2326 §12.39); nothing opens");
            return;
        }

        var group = parsed.SessionStart >= 0 ? SessionGroup(message.Slice(parsed.SessionStart, parsed.SessionLength)) : 0;
        var serverInside = context.ArrivalSide == FlowSide.Inside;
        Span<TextEdit> edits = stackalloc TextEdit[MaxEdits];
        var editCount = 0;
        var srcAddrPublic = default(AlgEndpoint);
        var srcAddrInsidePort = -1;
        for (var i = 0; i < count; i++)
        {
            var parameter = parameters[i];
            var at = parsed.TransportStart;
            if (!parameter.Udp)
            {
                continue;
            }

            if (!serverInside && parameter.Kind == RtspTransportParamKind.ClientPort)
            {
                if (!OpenForInsideClient(in context, session, settings, parameters[..count], in parameter, in parsed, group, at, edits, ref editCount, ref output))
                {
                    return;
                }
            }
            else if (serverInside && context.Translated && parameter.Kind == RtspTransportParamKind.ServerPort)
            {
                if (!OpenForInsideServer(in context, settings, parameters[..count], in parameter, group, at, edits, ref editCount, ref output, out _))
                {
                    return;
                }
            }
            else if (serverInside && context.Translated && parameter.Kind == RtspTransportParamKind.SrcAddr && (!parameter.HasAddress || parameter.Address == context.Inside.Address))
            {
                // RTSP 2.0 (RFC 7826 §18.54): the first src_addr is the server's RTP address, the second its RTCP one.
                AlgEndpoint mapped;
                if (srcAddrPublic.Port != 0 && parameter.Port == srcAddrInsidePort + 1)
                {
                    mapped = new AlgEndpoint(srcAddrPublic.Address, (ushort)(srcAddrPublic.Port + 1));
                    TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.PortStart, parameter.PortLength, TextEditKind.Number, 0, mapped.Port));
                }
                else if (!OpenForInsideServer(in context, settings, parameters[..count], in parameter, group, at, edits, ref editCount, ref output, out mapped))
                {
                    return;
                }
                else
                {
                    srcAddrPublic = mapped;
                    srcAddrInsidePort = parameter.Port;
                }

                if (parameter.HasAddress && mapped.Address != 0)
                {
                    TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.AddressStart, parameter.AddressLength, TextEditKind.Address, mapped.Address, 0));
                }
            }
            else if (serverInside && context.Translated && parameter.Kind == RtspTransportParamKind.Source
                && parameter.HasAddress && parameter.Address == context.Inside.Address)
            {
                TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.AddressStart, parameter.AddressLength, TextEditKind.Address, context.Mapped.Address, 0));
            }
            else if (!serverInside && context.Translated && parameter.Kind is RtspTransportParamKind.Destination && parameter.HasAddress && parameter.Address == context.Mapped.Address)
            {
                // The server echoes the destination it was given: the player reads its own address back.
                TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.AddressStart, parameter.AddressLength, TextEditKind.Address, context.Inside.Address, 0));
            }
        }

        Emit(edits[..editCount], offset, canRewrite, ref output);
    }

    /// <summary>
    /// A server inside answers DESCRIBE with a session description (RFC 2326 §10.2) whose o= and c= may name its private
    /// address; they are translated with the SDP code the SIP ALG uses, and Content-Length follows (§12.14). Streams
    /// are set up by SETUP; an m= port a server does name gets the mapping its SETUP reply will then find.
    /// </summary>
    public static void OnDescription(in AlgFlowContext context, RtspSettings settings, ReadOnlySpan<byte> message, in RtspMessage parsed, int offset, bool canRewrite, ref AlgOutput output)
    {
        if (context.ArrivalSide != FlowSide.Inside || !context.Translated || parsed.BodyLength == 0 || parsed.ContentLengthStart < 0)
        {
            return;
        }

        Span<TextEdit> edits = stackalloc TextEdit[MaxEdits];
        var editCount = 0;
        Span<SdpMediaPlan> media = stackalloc SdpMediaPlan[8];
        var mediaCount = 0;
        if (!SdpRewriter.PlanEdits(in context, message.Slice(parsed.BodyStart, parsed.BodyLength), parsed.BodyStart, context.Remote.Address, settings.PinholeLifetime, rewrite: true, edits, ref editCount, media, ref mediaCount) || editCount == 0)
        {
            return;
        }

        var delta = 0;
        foreach (var edit in edits[..editCount])
        {
            delta += edit.Delta;
        }

        if (delta != 0)
        {
            TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(parsed.ContentLengthStart, parsed.ContentLengthLength, TextEditKind.Number, 0, parsed.BodyLength + delta));
        }

        Emit(edits[..editCount], offset, canRewrite, ref output);
    }

    /// <summary>TEARDOWN of one session closes that session's pinholes, not the other sessions' on the connection.</summary>
    public static void OnTeardown(ReadOnlySpan<byte> message, in RtspMessage parsed, ref AlgOutput output)
    {
        if (parsed.SessionStart >= 0)
        {
            output.TryRemovePinholeGroup(SessionGroup(message.Slice(parsed.SessionStart, parsed.SessionLength)));
        }
    }

    /// <summary>The pinhole group of an RTSP session (never 0, the "no group" value).</summary>
    public static long SessionGroup(ReadOnlySpan<byte> sessionHeader)
    {
        var hash = AsciiText.Hash(RtspMessageParser.SessionId(sessionHeader));
        return hash == 0 ? 1 : hash;
    }

    private static bool OpenForInsideClient(in AlgFlowContext context, RtspSession session, RtspSettings settings, scoped ReadOnlySpan<RtspTransportParam> all, in RtspTransportParam parameter, in RtspMessage parsed, long group, int at, scoped Span<TextEdit> edits, ref int editCount, ref AlgOutput output)
    {
        var publicPort = (ushort)parameter.Port;
        uint publicAddress;
        ushort insidePort;
        if (session.TryFindMap(parsed.CSeq, publicPort, out var map))
        {
            publicAddress = map.PublicAddress;
            insidePort = map.InsidePort;
        }
        else if (!context.Translated)
        {
            publicAddress = context.Inside.Address;
            insidePort = publicPort;
        }
        else
        {
            // RFC 2326 §12.39 lets the server choose other client ports. The player will receive on the ports the reply
            // names, so those are its inside ports, and only the very same public pair can carry them.
            if (session.InsidePortOf(parsed.CSeq, parameter.Alternative, out _) == 0 || publicPort < 1024 || publicPort == ushort.MaxValue
                || !context.Nat.TryReserveMappingPair(IpProtocol.Udp, new AlgEndpoint(context.Inside.Address, publicPort), context.Remote.Address, settings.PinholeLifetime, out var chosen, out _, publicPort)
                || chosen.Port != publicPort)
            {
                output.ReportPartRefused("RTSP: the server chose client ports whose public pair could not be had; nothing opens for that track");
                return true;
            }

            publicAddress = chosen.Address;
            insidePort = publicPort;
        }

        if (insidePort != publicPort)
        {
            AddPortEdits(edits, ref editCount, at, in parameter, insidePort);
        }

        var server = FindParameter(all, parameter.Alternative, RtspTransportParamKind.ServerPort);
        OpenPair(in context, settings, in server, NoServerPortReason, new AlgEndpoint(publicAddress, publicPort), insidePort, group, ref output);

        return true;
    }

    private static bool OpenForInsideServer(in AlgFlowContext context, RtspSettings settings, scoped ReadOnlySpan<RtspTransportParam> all, in RtspTransportParam parameter, long group, int at, scoped Span<TextEdit> edits, ref int editCount, ref AlgOutput output, out AlgEndpoint mapped)
    {
        mapped = default;
        if (parameter.Port < 1024 || parameter.Port == ushort.MaxValue || (parameter.IsRange && parameter.SecondPort != parameter.Port + 1))
        {
            output.ReportPartRefused("RTSP: server_port below 1024 or not an RTP/RTCP pair (RFC 3550 §11); left as is, nothing opens");
            return true;
        }

        if (!context.Nat.TryReserveMappingPair(IpProtocol.Udp, new AlgEndpoint(context.Inside.Address, (ushort)parameter.Port), context.Remote.Address, settings.PinholeLifetime, out mapped, out _))
        {
            output.ReportMalformed("RTSP: no public port pair for the server's media could be reserved");
            return false;
        }

        if (mapped.Port != parameter.Port)
        {
            AddPortEdits(edits, ref editCount, at, in parameter, mapped.Port);
        }

        var client = FindParameter(all, parameter.Alternative, RtspTransportParamKind.ClientPort);
        OpenPair(in context, settings, in client, NoClientPortReason, mapped, (ushort)parameter.Port, group, ref output);

        return true;
    }

    /// <summary>RTSP 2.0 <c>dest_addr</c> naming the client itself: the first entry is its RTP address, the second its
    /// RTCP address (RFC 7826 §18.54); both get the public pair reserved for them.</summary>
    private static bool TranslateDestAddr(in AlgFlowContext context, RtspSession session, RtspSettings settings, in RtspMessage parsed, in RtspTransportParam parameter, scoped Span<TextEdit> edits, ref int editCount, ref AlgEndpoint reserved, ref AlgOutput output)
    {
        var at = parsed.TransportStart;
        ushort publicPort;
        if (reserved.Port != 0 && parameter.Port == session.InsidePortOf(parsed.CSeq, parameter.Alternative, out _) + 1)
        {
            publicPort = (ushort)(reserved.Port + 1);
        }
        else
        {
            if (parameter.Port < 1024 || parameter.Port == ushort.MaxValue
                || !context.Nat.TryReserveMappingPair(IpProtocol.Udp, new AlgEndpoint(context.Inside.Address, (ushort)parameter.Port), context.Remote.Address, settings.PinholeLifetime, out reserved, out _))
            {
                output.ReportMalformed("RTSP: no public port pair for dest_addr could be reserved");
                return false;
            }

            session.AddMap(new RtspPortMap(parsed.CSeq, parameter.Alternative, reserved.Address, reserved.Port, (ushort)parameter.Port));
            publicPort = reserved.Port;
        }

        if (parameter.HasAddress)
        {
            TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.AddressStart, parameter.AddressLength, TextEditKind.Address, reserved.Address, 0));
        }

        TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.PortStart, parameter.PortLength, TextEditKind.Number, 0, publicPort));
        return true;
    }

    /// <summary>Writes a translated port, and its RTCP neighbour when the parameter is an <c>a-b</c> range.</summary>
    private static void AddPortEdits(scoped Span<TextEdit> edits, ref int editCount, int at, in RtspTransportParam parameter, int port)
    {
        TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.PortStart, parameter.PortLength, TextEditKind.Number, 0, port));
        if (parameter.IsRange)
        {
            TextEditPlan.TryAdd(edits, ref editCount, new TextEdit(at + parameter.SecondPortStart, parameter.SecondPortLength, TextEditKind.Number, 0, port + 1));
        }
    }

    /// <summary>The RTP and RTCP pinholes of one track: from the far end's address (and its ports when
    /// <paramref name="farEnd"/> names them) to the public pair, on to the inside end's pair.</summary>
    private static void OpenPair(in AlgFlowContext context, RtspSettings settings, in RtspTransportParam farEnd, string noPortReason, AlgEndpoint publicRtp, ushort insideRtpPort, long group, ref AlgOutput output)
    {
        var remote = context.Remote.Address;
        for (var rtcp = 0; rtcp < 2; rtcp++)
        {
            var peer = farEnd.Port > 0
                ? ExpectedPeer.Exactly(remote, (ushort)(rtcp == 0 ? farEnd.Port : farEnd.IsRange ? farEnd.SecondPort : farEnd.Port + 1))
                : ExpectedPeer.AddressOnly(remote, noPortReason);
            var spec = new ExpectationSpec(
                IpProtocol.Udp,
                FlowSide.Outside,
                peer,
                publicRtp.Address,
                (ushort)(publicRtp.Port + rtcp),
                context.Inside.Address,
                (ushort)(insideRtpPort + rtcp),
                settings.PinholeLifetime,
                Persistent: false,
                context.Flow,
                context.OwnerTag,
                group);
            output.TryRequestPinhole(in spec);
        }
    }

    /// <summary>The first parameter of a kind in one transport alternative, or a default one (port 0) when it has none.</summary>
    private static RtspTransportParam FindParameter(scoped ReadOnlySpan<RtspTransportParam> all, int alternative, RtspTransportParamKind kind)
    {
        foreach (var candidate in all)
        {
            if (candidate.Alternative == alternative && candidate.Kind == kind)
            {
                return candidate;
            }
        }

        return default;
    }

    private static void Emit(scoped Span<TextEdit> edits, int offset, bool canRewrite, ref AlgOutput output)
    {
        if (edits.IsEmpty)
        {
            return;
        }

        if (!canRewrite)
        {
            output.ReportMalformed("RTSP: a SETUP split over segments could not be held back and rewritten whole");
            return;
        }

        if (!TextEditPlan.TryEmit(edits, offset, ref output))
        {
            output.ReportMalformed("RTSP: the rewritten Transport does not fit the ALG's output buffer");
        }
    }
}
