using System.Buffers.Binary;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.StdlibAlgs.PortMapper;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>
/// Acts on an endpoint-mapper or DCOM reply matched to its request (algs.md §5.2): each tower (or string binding) that
/// names the server that replied, a TCP or UDP port of 1024 or more, and the interface and protocol the client asked
/// for opens a pinhole for that client (<see cref="PortMapperPinhole"/>); for a server inside the tower's floor 5
/// address and floor 4 port are rewritten in place (same length: no length field changes).
/// </summary>
/// <remarks>Refused, counted, nothing opened: a tower naming another host (a malicious server aiming a pinhole at a
/// third host), port 0 or a port below 1024, an interface or protocol the client did not ask for, an interface the
/// configuration's policies do not let this client reach (Junos application <c>uuid</c>, ScreenOS <c>ms-rpc</c>
/// services); DCOM string bindings from a server inside (their UTF-16 text sits in marshalled sizes the ALG does not
/// rewrite), naming a host by name, or under a UUID filter that does not permit DCOM activation. ept_lookup answers
/// open nothing unless ASA <c>lookup-operation</c> is configured.</remarks>
internal static class MsRpcRewriter
{
    public const int MaxPinholesPerReply = 8;

    /// <param name="streamed">The reply's first bytes were translated as they passed
    /// (<see cref="OnReplyArriving"/>): edits that fall in bytes already forwarded were made then.</param>
    public static void OnReply(in AlgFlowContext context, MsRpcSettings settings, in MsRpcPendingCall call, scoped ReadOnlySpan<byte> stub, bool littleEndian, scoped ReadOnlySpan<MsRpcStubPiece> pieces, bool streamed, ref AlgOutput output)
    {
        Span<MsRpcEdit> edits = stackalloc MsRpcEdit[2 * EpmNdr.MaxTowers];
        var editCount = 0;
        if (call.Kind == MsRpcCallKind.Dcom)
        {
            OnDcomReply(in context, settings, stub, ref output);
            return;
        }

        Span<EpmTowerAt> towers = stackalloc EpmTowerAt[EpmNdr.MaxTowers];
        var count = 0;
        MsRpcParseError error;
        var read = call.Kind == MsRpcCallKind.Map
            ? EpmNdr.TryReadMapResponse(stub, littleEndian, call.Ndr64, towers, out count, out error)
            : EpmNdr.TryReadLookupResponse(stub, littleEndian, call.Ndr64, towers, out count, out error);
        if (!read)
        {
            output.ReportMalformed(DcePduParser.Describe(error) + "; nothing opens");
            return;
        }

        // ept_lookup lists every registered endpoint; ASA opens for them only with lookup-operation. The server's own
        // address in any tower is translated all the same: a private address must never leave (algs.md §0.1).
        var opensPinholes = call.Kind != MsRpcCallKind.Lookup || settings.ReadsLookups;
        var server = PortMapperPinhole.ServerOf(in context);
        var serverInside = context.ArrivalSide == FlowSide.Inside;
        var opened = 0;
        var capReported = false;
        foreach (var at in towers[..count])
        {
            var tower = at.Tower;
            if (tower.Protocol == 0)
            {
                // A named pipe, HTTP or LRPC endpoint: nothing on a port to let through.
                continue;
            }

            if (opensPinholes && MayOpen(in context, settings, in call, in tower, server, opened, ref capReported, ref output)
                && PortMapperPinhole.TryOpen(in context, tower.Protocol, tower.Port, settings.PinholeLifetime, Group(tower.Interface, tower.Protocol), out var mapped, ref output, settings.MapEntries))
            {
                opened++;
                if (!serverInside)
                {
                    continue;
                }

                if (tower.AddressOffset >= 0 && tower.Address != 0 && mapped.Address != tower.Address)
                {
                    edits[editCount++] = new MsRpcEdit(at.Start + tower.AddressOffset, 4, mapped.Address);
                }

                if (mapped.Port != tower.Port)
                {
                    edits[editCount++] = new MsRpcEdit(at.Start + tower.PortOffset, 2, mapped.Port);
                }

                continue;
            }

            if (serverInside && context.Translated && TryPublicAddressEdit(in context, in at, server, out var edit))
            {
                // No pinhole for this one, but the client still must see the server's public address, not its private one.
                edits[editCount++] = edit;
            }
        }

        if (editCount > 0 && !TryEmit(edits[..editCount], pieces, context.PacketStart, streamed, ref output))
        {
            output.ReportMalformed("MS-RPC: a reply whose rewritten bytes already left (split, not held) or do not fit the ALG's output; nothing opens");
        }
    }

    /// <summary>
    /// A reply from a server inside too long to hold back whole (Samba's ept_lookup listing is about 5 KB over several
    /// segments): every tower wholly present so far that names the server's private address is given its public one
    /// in the bytes this packet carries — the edits are the same length, so nothing else changes. Pinholes wait for
    /// the whole reply (<see cref="OnReply"/>).
    /// </summary>
    /// <param name="stop">Where in the stub the first element not yet whole starts: the bytes from there wait for the
    /// next segment, so no address is ever split between a packet already sent and one still to come.</param>
    /// <returns>False when the reply cannot be an endpoint-mapper reply (it is then read whole, or not at all).</returns>
    public static bool OnReplyArriving(in AlgFlowContext context, in MsRpcPendingCall call, scoped ReadOnlySpan<byte> stub, bool littleEndian, scoped ReadOnlySpan<MsRpcStubPiece> pieces, ref AlgOutput output, out int stop)
    {
        Span<EpmTowerAt> towers = stackalloc EpmTowerAt[EpmNdr.MaxTowers];
        var status = EpmNdr.WalkReply(stub, littleEndian, call.Ndr64, call.Kind == MsRpcCallKind.Lookup, towers, out var count, out stop, out _);
        if (status == EpmWalkStatus.Malformed)
        {
            return false;
        }

        var server = PortMapperPinhole.ServerOf(in context);
        Span<MsRpcEdit> edits = stackalloc MsRpcEdit[EpmNdr.MaxTowers];
        var editCount = 0;
        foreach (var at in towers[..count])
        {
            if (at.Tower.Protocol != 0 && TryPublicAddressEdit(in context, in at, server, out var edit))
            {
                edits[editCount++] = edit;
            }
        }

        if (editCount > 0 && !TryEmit(edits[..editCount], pieces, context.PacketStart, streamed: true, ref output))
        {
            output.ReportPartRefused("MS-RPC: towers of a reply still arriving do not fit the ALG's output; they keep the server's private address");
        }

        return true;
    }

    /// <summary>The edit that gives a tower naming the server's own address the server's public one; false when the tower
    /// names another host or no address, or the server is not translated.</summary>
    private static bool TryPublicAddressEdit(in AlgFlowContext context, in EpmTowerAt at, uint server, out MsRpcEdit edit)
    {
        var tower = at.Tower;
        var applies = tower.AddressOffset >= 0 && tower.Address == server && context.Mapped.Address != server;
        edit = applies ? new MsRpcEdit(at.Start + tower.AddressOffset, 4, context.Mapped.Address) : default;
        return applies;
    }

    /// <summary>Whether a tower may open a pinhole: the interface and protocol the client asked for, an interface the
    /// policies let this client reach, on the server that replied, on a port of 1024 or above, within the per-reply cap.
    /// Each refusal is reported.</summary>
    private static bool MayOpen(in AlgFlowContext context, MsRpcSettings settings, in MsRpcPendingCall call, in EpmTower tower, uint server, int opened, ref bool capReported, ref AlgOutput output)
    {
        if (call.Asked != Guid.Empty && tower.Interface != call.Asked)
        {
            if (call.Kind == MsRpcCallKind.Map)
            {
                output.ReportPartRefused("MS-RPC: an ept_map tower for an interface the client did not ask for ([MS-RPCE] 2.2.1.2); nothing opens");
            }

            return false;
        }

        // The client is the side that opened the mapper connection (C706 Appendix O: clients call ept_map).
        if (!settings.Permits(context.Initiator, tower.Interface))
        {
            output.ReportPartRefused("MS-RPC: a tower for an interface UUID no policy permits this client (Junos application uuid, ScreenOS ms-rpc service); nothing opens");
            return false;
        }

        if (call.Protocol != 0 && tower.Protocol != call.Protocol)
        {
            output.ReportPartRefused("MS-RPC: a tower for a protocol other than the one asked for; nothing opens");
            return false;
        }

        if (tower.AddressOffset >= 0 && tower.Address != 0 && tower.Address != server)
        {
            output.ReportPartRefused("MS-RPC: a tower naming a host other than the server that replied (algs.md §5.2); nothing opens");
            return false;
        }

        if (tower.Port < 1024)
        {
            output.ReportPartRefused("MS-RPC: a tower with port 0 or below 1024 (algs.md §5.1, §0.2 #4); nothing opens");
            return false;
        }

        if (opened == MaxPinholesPerReply)
        {
            if (!capReported)
            {
                output.ReportPartRefused("MS-RPC: more towers in one reply than the ALG opens (algs.md §5.3)");
                capReported = true;
            }

            return false;
        }

        return true;
    }

    private static void OnDcomReply(in AlgFlowContext context, MsRpcSettings settings, scoped ReadOnlySpan<byte> stub, ref AlgOutput output)
    {
        Span<DcomStringBinding> bindings = stackalloc DcomStringBinding[MaxPinholesPerReply];
        var count = DcomStringBindingScanner.Scan(stub, bindings);
        if (count == 0)
        {
            return;
        }

        if (context.ArrivalSide == FlowSide.Inside && context.Translated)
        {
            output.ReportPartRefused("MS-RPC: DCOM string bindings from a server inside are not translated (their text sits in marshalled sizes); nothing opens");
            return;
        }

        // A string binding names no interface: under a UUID filter it opens only when DCOM activation itself is permitted.
        var client = context.Initiator;
        if (!settings.Permits(client, MsRpcInterfaces.RemoteScmActivator) && !settings.Permits(client, MsRpcInterfaces.Activation)
            && !settings.Permits(client, MsRpcInterfaces.ObjectExporter))
        {
            output.ReportPartRefused("MS-RPC: DCOM string bindings while no policy permits this client DCOM activation (ISystemActivator, IActivation, IObjectExporter UUIDs); nothing opens");
            return;
        }

        var server = PortMapperPinhole.ServerOf(in context);
        foreach (var binding in bindings[..count])
        {
            if (binding.Address == 0)
            {
                output.ReportPartRefused("MS-RPC: a DCOM string binding naming its host by name cannot be checked against the server; nothing opens for it");
                continue;
            }

            if (binding.Address != server || binding.Port < 1024)
            {
                output.ReportPartRefused("MS-RPC: a DCOM string binding naming another host or a port below 1024 ([MS-DCOM] 2.2.19.3); nothing opens");
                continue;
            }

            PortMapperPinhole.TryOpen(in context, Alg.Runtime.Packets.IpProtocol.Tcp, binding.Port, settings.PinholeLifetime, Group(Guid.Empty, Alg.Runtime.Packets.IpProtocol.Tcp) ^ binding.Port, out _, ref output);
        }
    }

    /// <summary>The pinhole group of one interface's endpoint on one protocol (never 0).</summary>
    private static long Group(Guid uuid, byte protocol) => (uuid.GetHashCode() & 0x7FFF_FFFFL) | ((long)protocol << 32) | (1L << 61);

    /// <summary>Writes the edits where their stub bytes lie in the ALG's data — an edit may straddle two fragments, so
    /// it is written as one run per fragment it touches.</summary>
    /// <param name="streamed">Edits in bytes before <paramref name="packetStart"/> were written as the reply passed
    /// and are skipped; otherwise such an edit means the reply cannot be translated (false).</param>
    private static bool TryEmit(scoped ReadOnlySpan<MsRpcEdit> edits, scoped ReadOnlySpan<MsRpcStubPiece> pieces, int packetStart, bool streamed, ref AlgOutput output)
    {
        // Towers come in stub order, floor 4 (port) before floor 5 (address): sort the few edits by offset.
        Span<MsRpcEdit> sorted = stackalloc MsRpcEdit[edits.Length];
        edits.CopyTo(sorted);
        for (var i = 1; i < sorted.Length; i++)
        {
            for (var j = i; j > 0 && sorted[j].StubOffset < sorted[j - 1].StubOffset; j--)
            {
                (sorted[j], sorted[j - 1]) = (sorted[j - 1], sorted[j]);
            }
        }

        var runs = 0;
        var bytes = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var placed = Place(in sorted[i], pieces, packetStart, out var pieceRuns);
            if (placed == EditPlacement.Lost)
            {
                return false;
            }

            if (placed == EditPlacement.Sent)
            {
                if (!streamed)
                {
                    return false;
                }

                if (sorted[i].Length == 2)
                {
                    output.ReportPartRefused("MS-RPC: a tower forwarded before its reply was whole keeps its port; the pinhole's differs");
                }

                sorted[i] = default;
                continue;
            }

            runs += pieceRuns;
            bytes += sorted[i].Length;
        }

        if (!output.HasRoomFor(runs, bytes))
        {
            return false;
        }

        Span<byte> value = stackalloc byte[4];
        foreach (var edit in sorted)
        {
            if (edit.Length == 0)
            {
                continue;
            }

            if (edit.Length == 4)
            {
                BinaryPrimitives.WriteUInt32BigEndian(value, edit.Value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(value, (ushort)edit.Value);
            }

            var written = 0;
            var stubStart = 0;
            foreach (var piece in pieces)
            {
                var from = Math.Max(edit.StubOffset + written, stubStart);
                var to = Math.Min(edit.StubOffset + edit.Length, stubStart + piece.Length);
                if (from < to)
                {
                    if (!output.TryRewrite(piece.DataOffset + (from - stubStart), to - from, to - from, out var destination))
                    {
                        return false;
                    }

                    value.Slice(written, to - from).CopyTo(destination);
                    written += to - from;
                }

                stubStart += piece.Length;
            }
        }

        return true;
    }

    /// <summary>Where an edit's bytes lie: all in this packet or later (with how many fragment runs), some in a packet
    /// already sent, or outside the stub.</summary>
    private static EditPlacement Place(in MsRpcEdit edit, scoped ReadOnlySpan<MsRpcStubPiece> pieces, int packetStart, out int runs)
    {
        runs = 0;
        var covered = 0;
        var sent = false;
        var stubStart = 0;
        foreach (var piece in pieces)
        {
            var from = Math.Max(edit.StubOffset, stubStart);
            var to = Math.Min(edit.StubOffset + edit.Length, stubStart + piece.Length);
            if (from < to)
            {
                runs++;
                covered += to - from;
                sent |= piece.DataOffset + (from - stubStart) < packetStart;
            }

            stubStart += piece.Length;
        }

        return covered != edit.Length ? EditPlacement.Lost : sent ? EditPlacement.Sent : EditPlacement.Ahead;
    }
}
