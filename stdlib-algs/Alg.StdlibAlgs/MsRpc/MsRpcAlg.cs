using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>
/// MS-RPC ALG (algs.md §5; C706, [MS-RPCE], [MS-DCOM]) on the endpoint mapper's port 135: connection-oriented DCE/RPC
/// over TCP and connectionless over UDP. Tracks bind and alter_context so that only contexts the server accepted for
/// the endpoint mapper (or DCOM activation) are read, remembers each ept_map / ept_lookup (or activation) request by
/// call_id, and lets the client reach the endpoint its response returns (<see cref="MsRpcRewriter"/>).
/// </summary>
/// <remarks>
/// <para>Framing. PDUs are read one after the other by frag_length from the in-order stream (C706 §12.6.3.1), several
/// per segment, one over several. A response in several fragments (PFC_FIRST_FRAG … PFC_LAST_FRAG) is read when its last
/// fragment has arrived, its stubs joined; auth verifiers and their trailers are left out of the stub (auth_length).
/// PDUs nobody reads pass by their length, unbuffered. Integers follow each PDU's data representation.</para>
/// <para>Not DCE/RPC. A PDU header that cannot be DCE/RPC ends inspection of the connection (alg-behaviour T1).</para>
/// </remarks>
public sealed class MsRpcAlg : IAlgHandler
{
    private const int Client = 0;
    private const int Server = 1;

    /// <summary>The longest PDU waited for whole (a bind, a request naming a tower, one fragment of a reply).</summary>
    private const int MaxWaitedPdu = MsRpcSettings.MaxCallLength + 64;

    public AlgDescriptor Descriptor => MsRpcAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new MsRpcSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => new MsRpcSession();

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not MsRpcSession session)
        {
            return;
        }

        var settings = context.SettingsAs<MsRpcSettings>();
        if (context.Protocol != IpProtocol.Tcp)
        {
            OnDatagram(in context, session, settings, data, ref output);
            return;
        }

        var fromServer = context.Direction == AlgDirection.Reply;
        var direction = fromServer ? Server : Client;
        var holds = fromServer && context.ArrivalSide == FlowSide.Inside && context.Translated && session.HasPending(context.Now);
        var position = Math.Min(session.SkipRemaining[direction], data.Length);
        session.SkipRemaining[direction] -= position;
        while (position < data.Length)
        {
            var rest = data[position..];
            var status = DcePduParser.Parse(rest, out var pdu, out var error);
            if (status == MsRpcParseStatus.Error)
            {
                output.ReportMalformed(DcePduParser.Describe(error) + "; the connection is no longer inspected (alg-behaviour T1)");
                output.StopInspecting = true;
                position = data.Length;
                break;
            }

            if (status == MsRpcParseStatus.Incomplete)
            {
                if (pdu.Length == 0 || (pdu.Length <= MaxWaitedPdu && IsRead(in pdu, session, fromServer, context.Now)))
                {
                    if (holds)
                    {
                        output.HoldFrom = pdu.Type == DcePduType.Response ? TranslateArriving(in context, session, rest, position, ref output) : position;
                    }

                    break;
                }

                session.SkipRemaining[direction] = pdu.Length - rest.Length;
                position = data.Length;
                break;
            }

            var consumed = fromServer
                ? OnServerPdu(in context, session, settings, rest, in pdu, position, ref output)
                : OnClientPdu(in context, session, settings, rest[..pdu.Length], in pdu, ref output);
            if (consumed == 0)
            {
                // The first fragments of a reply whose last has not arrived: read together when it does.
                if (holds)
                {
                    output.HoldFrom = TranslateArriving(in context, session, rest, position, ref output);
                }

                break;
            }

            position += consumed;
        }

        output.Consumed = position;
    }

    private static bool IsRead(in DcePdu pdu, MsRpcSession session, bool fromServer, long now) => pdu.Type switch
    {
        DcePduType.Bind or DcePduType.AlterContext => !fromServer,
        DcePduType.BindAck or DcePduType.AlterContextResponse => fromServer,
        DcePduType.Request => !fromServer && session.KindOf(pdu.ContextId) != MsRpcInterfaceKind.Other,
        DcePduType.Response => fromServer && session.TryFind(pdu.CallId, Guid.Empty, now, take: false, out _),
        _ => false,
    };

    private static int OnClientPdu(in AlgFlowContext context, MsRpcSession session, MsRpcSettings settings, ReadOnlySpan<byte> bytes, in DcePdu pdu, ref AlgOutput output)
    {
        switch (pdu.Type)
        {
            case DcePduType.Bind or DcePduType.AlterContext:
            {
                if (!MsRpcContextParser.TryReadBind(bytes, pdu.LittleEndian, session.OfferedIds, session.OfferedKinds, out var count, out var error))
                {
                    output.ReportPartRefused(DcePduParser.Describe(error) + "; its contexts are not read");
                    session.OfferedCount = 0;
                    break;
                }

                session.OfferedCallId = pdu.CallId;
                session.OfferedCount = count;
                if (pdu.Type == DcePduType.Bind && settings.EndpointMapperOnly && !Offers(session, MsRpcInterfaceKind.EndpointMapper))
                {
                    output.RequestDrop("MS-RPC: a bind to an interface other than the endpoint mapper on its port (ASA dcerpc epm-service-only)", wholeConnection: true);
                }

                break;
            }

            case DcePduType.Request when pdu.IsFirst && pdu.IsLast:
            {
                var kind = session.KindOf(pdu.ContextId);
                var stub = bytes.Slice(pdu.StubOffset, pdu.StubLength);
                var expires = context.Now + MsRpcSettings.ResponseTimeout;
                var ndr64 = session.IsNdr64(pdu.ContextId);
                if (kind == MsRpcInterfaceKind.EndpointMapper && pdu.Opnum == EpmNdr.MapOpnum)
                {
                    if (EpmNdr.TryReadMapRequest(stub, pdu.LittleEndian, ndr64, out var asked, out var protocol))
                    {
                        session.Remember(new MsRpcPendingCall(pdu.CallId, Guid.Empty, MsRpcCallKind.Map, asked, protocol, ndr64, expires));
                    }
                    else
                    {
                        output.ReportPartRefused("MS-RPC: an ept_map request whose tower does not parse ([MS-RPCE] 2.2.1.2); its answer opens nothing");
                    }
                }
                else if (kind == MsRpcInterfaceKind.EndpointMapper && pdu.Opnum == EpmNdr.LookupOpnum)
                {
                    if (EpmNdr.TryReadLookupRequest(stub, pdu.LittleEndian, ndr64, out var asked))
                    {
                        session.Remember(new MsRpcPendingCall(pdu.CallId, Guid.Empty, MsRpcCallKind.Lookup, asked, 0, ndr64, expires));
                    }
                }
                else if (kind == MsRpcInterfaceKind.DcomActivation)
                {
                    session.Remember(new MsRpcPendingCall(pdu.CallId, Guid.Empty, MsRpcCallKind.Dcom, Guid.Empty, 0, ndr64, expires));
                }

                break;
            }

            default:
                break;
        }

        return pdu.Length;
    }

    private static bool Offers(MsRpcSession session, MsRpcInterfaceKind kind)
    {
        for (var i = 0; i < session.OfferedCount; i++)
        {
            if (session.OfferedKinds[i] == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <returns>Bytes read; 0 when a fragmented reply must wait for its last fragment.</returns>
    private static int OnServerPdu(in AlgFlowContext context, MsRpcSession session, MsRpcSettings settings, ReadOnlySpan<byte> rest, in DcePdu pdu, int position, ref AlgOutput output)
    {
        switch (pdu.Type)
        {
            case DcePduType.BindAck or DcePduType.AlterContextResponse when session.OfferedCount > 0 && pdu.CallId == session.OfferedCallId:
            {
                Span<bool> accepted = stackalloc bool[MsRpcContextParser.MaxContexts];
                Span<bool> ndr64 = stackalloc bool[MsRpcContextParser.MaxContexts];
                if (MsRpcContextParser.TryReadBindAck(rest[..pdu.Length], pdu.LittleEndian, accepted, ndr64, out var count, out var error))
                {
                    for (var i = 0; i < Math.Min(count, session.OfferedCount); i++)
                    {
                        if (accepted[i])
                        {
                            session.Accept(session.OfferedIds[i], session.OfferedKinds[i], ndr64[i]);
                        }
                    }
                }
                else
                {
                    output.ReportPartRefused(DcePduParser.Describe(error) + "; its contexts are not read");
                }

                session.OfferedCount = 0;
                return pdu.Length;
            }

            case DcePduType.BindNak:
                session.OfferedCount = 0;
                return pdu.Length;
            case DcePduType.Fault:
                session.TryFind(pdu.CallId, Guid.Empty, context.Now, take: true, out _);
                return pdu.Length;
            case DcePduType.Response:
                return OnResponse(in context, session, settings, rest, in pdu, position, ref output);
            default:
                return pdu.Length;
        }
    }

    private static int OnResponse(in AlgFlowContext context, MsRpcSession session, MsRpcSettings settings, ReadOnlySpan<byte> rest, in DcePdu pdu, int position, ref AlgOutput output)
    {
        if (session.IgnoringCall && pdu.CallId == session.IgnoredCallId)
        {
            session.IgnoringCall = !pdu.IsLast;
            return pdu.Length;
        }

        if (!pdu.IsFirst || !session.TryFind(pdu.CallId, Guid.Empty, context.Now, take: false, out var call))
        {
            return pdu.Length;
        }

        Span<MsRpcStubPiece> pieces = stackalloc MsRpcStubPiece[MsRpcSettings.MaxFragments];
        var pieceCount = 0;
        var stubLength = 0;
        var groupLength = 0;
        var current = pdu;
        while (true)
        {
            if (pieceCount == pieces.Length || stubLength + current.StubLength > MsRpcSettings.MaxCallLength)
            {
                session.TryFind(pdu.CallId, Guid.Empty, context.Now, take: true, out _);
                session.IgnoredCallId = pdu.CallId;
                session.IgnoringCall = !pdu.IsLast;
                output.ReportPartRefused(DcePduParser.Describe(MsRpcParseError.CallTooLong) + "; nothing opens");
                return pdu.Length;
            }

            pieces[pieceCount++] = new MsRpcStubPiece(position + groupLength + current.StubOffset, current.StubLength);
            stubLength += current.StubLength;
            groupLength += current.Length;
            if (current.IsLast)
            {
                break;
            }

            var status = DcePduParser.Parse(rest[groupLength..], out current, out _);
            if (status == MsRpcParseStatus.Incomplete)
            {
                return 0;
            }

            if (status == MsRpcParseStatus.Error || current.Type != DcePduType.Response || current.CallId != pdu.CallId)
            {
                // The call's fragments end without a last one: read nothing of it (the loop reads what follows).
                session.TryFind(pdu.CallId, Guid.Empty, context.Now, take: true, out _);
                output.ReportPartRefused("MS-RPC: a fragmented reply interrupted before its last fragment (C706 §12.6.3.1); nothing opens");
                return pdu.Length;
            }
        }

        session.TryFind(pdu.CallId, Guid.Empty, context.Now, take: true, out _);
        var streamed = session.StreamingCall && session.StreamingCallId == pdu.CallId;
        session.StreamingCall = false;
        if (pieceCount == 1)
        {
            MsRpcRewriter.OnReply(in context, settings, in call, rest.Slice(pdu.StubOffset, pdu.StubLength), pdu.LittleEndian, pieces[..1], streamed, ref output);
            return groupLength;
        }

        Span<byte> stub = stackalloc byte[MsRpcSettings.MaxCallLength];
        var written = 0;
        foreach (var piece in pieces[..pieceCount])
        {
            rest.Slice(piece.DataOffset - position, piece.Length).CopyTo(stub[written..]);
            written += piece.Length;
        }

        MsRpcRewriter.OnReply(in context, settings, in call, stub[..written], pdu.LittleEndian, pieces[..pieceCount], streamed, ref output);
        return groupLength;
    }

    /// <summary>
    /// A reply from a server inside whose last fragment has not arrived: the towers wholly present are translated in
    /// the bytes this packet carries (<see cref="MsRpcRewriter.OnReplyArriving"/>), the reply stays buffered to be read
    /// whole at its end, and only the element still incomplete is held back (a few dozen bytes).
    /// </summary>
    /// <param name="rest">The ALG's data from the reply's first fragment on.</param>
    /// <param name="position">Where <paramref name="rest"/> starts in the ALG's data.</param>
    /// <returns>Where to hold from: the incomplete element, or the reply's start when the reply is not one to read.</returns>
    private static int TranslateArriving(in AlgFlowContext context, MsRpcSession session, ReadOnlySpan<byte> rest, int position, ref AlgOutput output)
    {
        DcePduParser.Parse(rest, out var first, out _);
        if (first.Length == 0 || first.Type != DcePduType.Response || !first.IsFirst
            || (session.IgnoringCall && first.CallId == session.IgnoredCallId)
            || !session.TryFind(first.CallId, Guid.Empty, context.Now, take: false, out var call) || call.Kind == MsRpcCallKind.Dcom)
        {
            return position;
        }

        Span<MsRpcStubPiece> pieces = stackalloc MsRpcStubPiece[MsRpcSettings.MaxFragments];
        Span<byte> stub = stackalloc byte[MsRpcSettings.MaxCallLength];
        var pieceCount = 0;
        var stubLength = 0;
        var offset = 0;
        var end = position + rest.Length;
        while (offset < rest.Length && pieceCount < pieces.Length)
        {
            var status = DcePduParser.Parse(rest[offset..], out var fragment, out _);
            if (status == MsRpcParseStatus.Error || fragment.Length == 0 || fragment.Type != DcePduType.Response || fragment.CallId != first.CallId)
            {
                break;
            }

            var available = Math.Min(rest.Length - offset, fragment.StubOffset + fragment.StubLength) - fragment.StubOffset;
            if (available > 0)
            {
                if (stubLength + available > stub.Length)
                {
                    return position;
                }

                rest.Slice(offset + fragment.StubOffset, available).CopyTo(stub[stubLength..]);
                pieces[pieceCount++] = new MsRpcStubPiece(position + offset + fragment.StubOffset, available);
                stubLength += available;
            }

            if (status == MsRpcParseStatus.Incomplete || fragment.IsLast)
            {
                // Bytes past the stub (a header still arriving, an auth trailer) hold nothing to translate.
                end = position + offset + fragment.StubOffset + Math.Max(available, 0);
                break;
            }

            offset += fragment.Length;
            end = position + offset;
        }

        if (!MsRpcRewriter.OnReplyArriving(in context, in call, stub[..stubLength], first.LittleEndian, pieces[..pieceCount], ref output, out var stop))
        {
            return position;
        }

        session.StreamingCall = true;
        session.StreamingCallId = first.CallId;
        return stop < stubLength ? DataOffsetOf(stop, pieces[..pieceCount]) : Math.Min(end, position + rest.Length);
    }

    private static int DataOffsetOf(int stubOffset, ReadOnlySpan<MsRpcStubPiece> pieces)
    {
        var stubStart = 0;
        foreach (var piece in pieces)
        {
            if (stubOffset < stubStart + piece.Length)
            {
                return piece.DataOffset + (stubOffset - stubStart);
            }

            stubStart += piece.Length;
        }

        return pieces.IsEmpty ? 0 : pieces[^1].DataOffset + pieces[^1].Length;
    }

    private static void OnDatagram(in AlgFlowContext context, MsRpcSession session, MsRpcSettings settings, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (DcePduParser.ParseDatagram(data, out var pdu, out var interfaceId, out var activity, out var error) == MsRpcParseStatus.Error)
        {
            output.ReportMalformed(DcePduParser.Describe(error));
            return;
        }

        var stub = data.Slice(pdu.StubOffset, pdu.StubLength);
        if (pdu.Type == DcePduType.Request && context.Direction == AlgDirection.Original && interfaceId == MsRpcInterfaces.EndpointMapper)
        {
            var expires = context.Now + MsRpcSettings.ResponseTimeout;
            if (pdu.Opnum == EpmNdr.MapOpnum && EpmNdr.TryReadMapRequest(stub, pdu.LittleEndian, false, out var asked, out var protocol))
            {
                session.Remember(new MsRpcPendingCall(pdu.CallId, activity, MsRpcCallKind.Map, asked, protocol, false, expires));
            }
            else if (pdu.Opnum == EpmNdr.LookupOpnum && EpmNdr.TryReadLookupRequest(stub, pdu.LittleEndian, false, out asked))
            {
                session.Remember(new MsRpcPendingCall(pdu.CallId, activity, MsRpcCallKind.Lookup, asked, 0, false, expires));
            }

            return;
        }

        if (pdu.Type != DcePduType.Response || context.Direction != AlgDirection.Reply
            || !session.TryFind(pdu.CallId, activity, context.Now, take: true, out var call))
        {
            return;
        }

        if (!pdu.IsFirst)
        {
            output.ReportPartRefused("MS-RPC: a datagram reply in several fragments is not read (C706 §12.5.3); nothing opens");
            return;
        }

        Span<MsRpcStubPiece> piece = [new MsRpcStubPiece(pdu.StubOffset, pdu.StubLength)];
        MsRpcRewriter.OnReply(in context, settings, in call, stub, pdu.LittleEndian, piece, streamed: false, ref output);
    }
}
