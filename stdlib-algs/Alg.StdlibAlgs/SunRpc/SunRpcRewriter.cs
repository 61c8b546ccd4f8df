using System.Buffers.Binary;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.StdlibAlgs.PortMapper;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>
/// Acts on a portmapper reply matched to its call (algs.md §6.2): the port or universal address it returns opens one
/// pinhole for the program the client asked about, with the protocol it asked for, only to the server that replied;
/// for a server inside behind the NAT the port or address is rewritten to the public one the client can reach, and the
/// XDR string length, its padding and the record mark follow.
/// </summary>
/// <remarks>
/// <para>Server outside, client inside: nothing is rewritten; the outbound pinhole lets the client (any source port)
/// reach the server's port, so a gateway whose ACL admits only the port mapper still lets the service through.</para>
/// <para>Server inside (static NAT, port forward): the port is reserved on the public address (port-preserved when
/// free) and the reply rewritten to it; the inbound pinhole admits the client that asked to it. The pinhole is
/// persistent for the mapping's lifetime (ASA <c>timeout sunrpc</c>, Junos <c>map-entry-timeout</c>) and outlives the
/// portmapper flow: <c>rpcinfo</c> closes its TCP connection before it dials the port, and an NFS client comes back
/// to mountd and the NFS port many times.</para>
/// <para>Refused, counted, nothing opened: a universal address naming a host other than the server that replied
/// (a third host or a neighbour, algs.md §6.3), an IPv6 or unknown netid, a malformed universal address, a program
/// the configuration's policies do not let this client reach (Junos <c>rpc-program-number</c>, ScreenOS
/// <c>sun-rpc program</c>). DUMP lists are read but open nothing: no program was asked for (algs.md §6.3).</para>
/// </remarks>
internal static class SunRpcRewriter
{
    /// <summary>Pinholes one reply may open (GETADDRLIST: a program on tcp and udp, a few netids each).</summary>
    public const int MaxPinholesPerReply = 8;

    /// <summary>Entries of a DUMP or GETADDRLIST list read (rpcbind on a busy NFS server lists a few dozen).</summary>
    public const int MaxListEntries = 1024;

    /// <param name="message">The reply, from its xid on (a multi-fragment record's data joined).</param>
    /// <param name="recordStart">Where the record (TCP: its first mark; UDP: the message) starts in the ALG's data.</param>
    /// <param name="fragments">TCP: the record's fragments; empty for UDP.</param>
    public static void OnReply(in AlgFlowContext context, SunRpcSettings settings, scoped ReadOnlySpan<byte> message, int resultsOffset, in SunRpcPendingCall call, int recordStart, scoped ReadOnlySpan<SunRpcFragment> fragments, ref AlgOutput output)
    {
        Span<SunRpcEdit> edits = stackalloc SunRpcEdit[MaxPinholesPerReply];
        var editCount = 0;
        var opened = 0;
        var reader = new XdrReader(message, resultsOffset);
        switch (call.Kind)
        {
            case SunRpcQueryKind.Port or SunRpcQueryKind.CallItPort:
            {
                if (!reader.TryReadUInt32(out var port) || port > ushort.MaxValue)
                {
                    output.ReportMalformed(SunRpcMessageParser.Describe(SunRpcParseError.TruncatedBody) + "; nothing opens");
                    return;
                }

                // 0: the program is not registered (RFC 1833 §3.2).
                if (port != 0)
                {
                    Announce(in context, settings, in call, call.Protocol, 0, (ushort)port, new SunRpcEdit(resultsOffset, 4, false, 0, 0), edits, ref editCount, ref opened, ref output);
                }

                break;
            }

            case SunRpcQueryKind.UniversalAddress or SunRpcQueryKind.CallItAddress:
                if (!reader.TryReadOpaque(UniversalAddress.MaxLength, out var start, out var textStart, out var length))
                {
                    output.ReportMalformed(SunRpcMessageParser.Describe(SunRpcParseError.BadString) + "; nothing opens");
                    return;
                }

                // An empty string: not registered (RFC 1833 §2.2.1).
                if (length > 0)
                {
                    OnUniversalAddress(in context, settings, in call, call.Protocol, message, start, textStart, length, edits, ref editCount, ref opened, ref output);
                }

                break;
            case SunRpcQueryKind.AddressList:
                if (!ReadAddressList(in context, settings, in call, message, reader.Position, edits, ref editCount, ref opened, ref output))
                {
                    return;
                }

                break;
            default:
                if (!SkipDump(call.Kind, ref reader, out var error))
                {
                    output.ReportMalformed(SunRpcMessageParser.Describe(error) + "; nothing opens");
                    return;
                }

                break;
        }

        if (editCount == 0)
        {
            return;
        }

        if (recordStart < context.PacketStart)
        {
            // The record's start already left (its hold was refused): half a rewrite is worse than none, and an
            // unrewritten private address is unreachable, so nothing opens.
            output.ReportMalformed("SunRPC: a reply split over segments could not be held back and rewritten whole; nothing opens");
            return;
        }

        if (!TryEmit(edits[..editCount], recordStart, fragments, ref output))
        {
            output.ReportMalformed("SunRPC: the rewritten reply does not fit its fragments or the ALG's output; nothing opens");
        }
    }

    private static void OnUniversalAddress(in AlgFlowContext context, SunRpcSettings settings, in SunRpcPendingCall call, byte protocol, scoped ReadOnlySpan<byte> message, int start, int textStart, int length, scoped Span<SunRpcEdit> edits, ref int editCount, ref int opened, ref AlgOutput output)
    {
        var text = message.Slice(textStart, length);
        if (UniversalAddress.IsIpv6(text))
        {
            output.ReportPartRefused("SunRPC: an IPv6 universal address is not translated (the runtime translates IPv4 only); nothing opens");
            return;
        }

        if (!UniversalAddress.TryParse(text, out var host, out var port))
        {
            output.ReportPartRefused(SunRpcMessageParser.Describe(SunRpcParseError.BadUniversalAddress) + "; nothing opens");
            return;
        }

        if (port == 0)
        {
            return;
        }

        var oldLength = (textStart - start) + ((length + 3) & ~3);
        Announce(in context, settings, in call, protocol, host, port, new SunRpcEdit(start, oldLength, true, host, port), edits, ref editCount, ref opened, ref output);
    }

    /// <summary>rpcb_entry_list (RFC 1833 §2.1): {r_maddr, r_nc_netid, r_nc_semantics, r_nc_protofmly, r_nc_proto}
    /// entries each behind a "more" boolean. Every IPv4 tcp/udp entry matching the netid asked for opens.</summary>
    private static bool ReadAddressList(in AlgFlowContext context, SunRpcSettings settings, in SunRpcPendingCall call, scoped ReadOnlySpan<byte> message, int position, scoped Span<SunRpcEdit> edits, ref int editCount, ref int opened, ref AlgOutput output)
    {
        var reader = new XdrReader(message, position);
        for (var entries = 0; ; entries++)
        {
            if (!reader.TryReadUInt32(out var more))
            {
                output.ReportMalformed(SunRpcMessageParser.Describe(SunRpcParseError.TruncatedBody) + "; nothing opens");
                return false;
            }

            if (more == 0)
            {
                return true;
            }

            if (entries == MaxListEntries)
            {
                output.ReportMalformed(SunRpcMessageParser.Describe(SunRpcParseError.ListTooLong) + "; nothing opens");
                return false;
            }

            if (!reader.TryReadOpaque(UniversalAddress.MaxLength, out var start, out var textStart, out var length)
                || !reader.TryReadOpaque(SunRpcPortmapper.MaxNetIdLength, out _, out var netIdStart, out var netIdLength)
                || !reader.TryReadUInt32(out _)
                || !reader.TrySkipOpaque(SunRpcPortmapper.MaxNetIdLength)
                || !reader.TrySkipOpaque(SunRpcPortmapper.MaxNetIdLength))
            {
                output.ReportMalformed(SunRpcMessageParser.Describe(SunRpcParseError.BadString) + "; nothing opens");
                return false;
            }

            var netId = message.Slice(netIdStart, netIdLength);
            var protocol = SunRpcPortmapper.ProtocolOf(netId);
            if (protocol == 0 || (call.NetId != 0 && AsciiText.Hash(netId) != call.NetId) || length == 0)
            {
                continue;
            }

            OnUniversalAddress(in context, settings, in call, protocol, message, start, textStart, length, edits, ref editCount, ref opened, ref output);
        }
    }

    /// <summary>pmaplist / rpcblist (RFC 1833 §3.1, §2.1): read to check their XDR, bounded; nothing opens.</summary>
    private static bool SkipDump(SunRpcQueryKind kind, ref XdrReader reader, out SunRpcParseError error)
    {
        for (var entries = 0; ; entries++)
        {
            if (!reader.TryReadUInt32(out var more))
            {
                error = SunRpcParseError.TruncatedBody;
                return false;
            }

            if (more == 0)
            {
                error = SunRpcParseError.None;
                return true;
            }

            if (entries == MaxListEntries)
            {
                error = SunRpcParseError.ListTooLong;
                return false;
            }

            var ok = kind == SunRpcQueryKind.DumpPorts
                ? reader.TryReadUInt32(out _) && reader.TryReadUInt32(out _) && reader.TryReadUInt32(out _) && reader.TryReadUInt32(out _)
                : reader.TryReadUInt32(out _) && reader.TryReadUInt32(out _) && reader.TrySkipOpaque(SunRpcPortmapper.MaxNetIdLength)
                    && reader.TrySkipOpaque(UniversalAddress.MaxLength) && reader.TrySkipOpaque(SunRpcPortmapper.MaxOwnerLength);
            if (!ok)
            {
                error = SunRpcParseError.TruncatedBody;
                return false;
            }
        }
    }

    /// <summary>One announced endpoint of the program asked for: checked, its pinhole asked for, its rewrite planned.</summary>
    /// <param name="host">The address the reply names (0: a bare port, or 0.0.0.0 meaning the server itself).</param>
    private static void Announce(in AlgFlowContext context, SunRpcSettings settings, in SunRpcPendingCall call, byte protocol, uint host, ushort port, SunRpcEdit edit, scoped Span<SunRpcEdit> edits, ref int editCount, ref int opened, ref AlgOutput output)
    {
        if (protocol == 0)
        {
            output.ReportPartRefused("SunRPC: a port for a protocol other than IPv4 TCP or UDP (RFC 5665 §3 netid); nothing opens");
            return;
        }

        var serverInside = context.ArrivalSide == FlowSide.Inside;
        var server = PortMapperPinhole.ServerOf(in context);
        if (host != 0 && host != server)
        {
            output.ReportPartRefused("SunRPC: a universal address naming a host other than the server that replied (algs.md §6.3); nothing opens");
            return;
        }

        // The client is the side that opened the portmapper flow (RFC 1833: clients call rpcbind).
        if (!settings.Permits(context.Initiator, call.Program))
        {
            output.ReportPartRefused("SunRPC: a port for a program number no policy permits this client (Junos rpc-program-number, ScreenOS sun-rpc program); nothing opens");

            // Nothing opens, but a private address must still not leave (algs.md §0.1): the server's public one, same port.
            if (serverInside && context.Translated && edit.IsUniversalAddress && host == server && context.Mapped.Address != server && editCount < edits.Length)
            {
                edits[editCount++] = edit with { Address = context.Mapped.Address, Port = port };
            }

            return;
        }

        if (opened == MaxPinholesPerReply)
        {
            output.ReportPartRefused("SunRPC: more addresses in one reply than the ALG opens (algs.md §6.3)");
            return;
        }

        if (!PortMapperPinhole.TryOpen(in context, protocol, port, settings.PinholeLifetime, Group(call.Program, protocol, port), out var mapped, ref output, settings.MapEntries))
        {
            return;
        }

        opened++;
        if (!serverInside)
        {
            return;
        }

        var rewritten = edit.IsUniversalAddress
            ? (host != 0 && mapped.Address != host) || mapped.Port != port
            : mapped.Port != port;
        if (rewritten && editCount < edits.Length)
        {
            edits[editCount++] = edit with { Address = host == 0 ? 0 : mapped.Address, Port = mapped.Port };
        }
    }

    /// <summary>The pinhole group of one program's port on one protocol (never 0, which means "no group").</summary>
    private static long Group(uint program, byte protocol, ushort port) => ((long)program << 24) | ((long)protocol << 16) | port | (1L << 62);

    private static bool TryEmit(scoped ReadOnlySpan<SunRpcEdit> edits, int recordStart, scoped ReadOnlySpan<SunRpcFragment> fragments, ref AlgOutput output)
    {
        var bytes = 0;
        foreach (var edit in edits)
        {
            bytes += edit.NewLength;
        }

        if (fragments.IsEmpty)
        {
            if (!output.HasRoomFor(edits.Length, bytes))
            {
                return false;
            }

            foreach (var edit in edits)
            {
                Write(in edit, recordStart + edit.Offset, ref output);
            }

            return true;
        }

        // Each edit must lie inside one fragment; that fragment's mark grows or shrinks with it (RFC 5531 §11).
        Span<int> deltas = stackalloc int[fragments.Length];
        deltas.Clear();
        Span<int> owners = stackalloc int[edits.Length];
        for (var e = 0; e < edits.Length; e++)
        {
            var fragmentStart = 0;
            owners[e] = -1;
            for (var f = 0; f < fragments.Length; f++)
            {
                if (edits[e].Offset >= fragmentStart && edits[e].Offset + edits[e].OldLength <= fragmentStart + fragments[f].Length)
                {
                    owners[e] = f;
                    deltas[f] += edits[e].NewLength - edits[e].OldLength;
                    break;
                }

                fragmentStart += fragments[f].Length;
            }

            if (owners[e] < 0)
            {
                return false;
            }
        }

        var marks = 0;
        foreach (var delta in deltas)
        {
            marks += delta != 0 ? 1 : 0;
        }

        if (!output.HasRoomFor(edits.Length + marks, bytes + (4 * marks)))
        {
            return false;
        }

        var linearStart = 0;
        var next = 0;
        for (var f = 0; f < fragments.Length; f++)
        {
            var fragment = fragments[f];
            var dataStart = recordStart + fragment.MarkOffset + SunRpcRecordParser.MarkLength;
            if (deltas[f] != 0)
            {
                var length = fragment.Length + deltas[f];
                if (!output.TryRewrite(recordStart + fragment.MarkOffset, SunRpcRecordParser.MarkLength, SunRpcRecordParser.MarkLength, out var mark))
                {
                    return false;
                }

                BinaryPrimitives.WriteUInt32BigEndian(mark, (uint)length | (fragment.Last ? 0x8000_0000u : 0));
            }

            while (next < edits.Length && owners[next] == f)
            {
                Write(in edits[next], dataStart + (edits[next].Offset - linearStart), ref output);
                next++;
            }

            linearStart += fragment.Length;
        }

        return true;
    }

    private static void Write(in SunRpcEdit edit, int offset, ref AlgOutput output)
    {
        var newLength = edit.NewLength;
        if (!output.TryRewrite(offset, edit.OldLength, newLength, out var destination))
        {
            return;
        }

        if (!edit.IsUniversalAddress)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, edit.Port);
            return;
        }

        // XDR string: length, text, zero padding to four bytes (RFC 4506 §4.11).
        destination.Clear();
        var textLength = UniversalAddress.Write(edit.Address, edit.Port, destination[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)textLength);
    }
}
