using System.Buffers.Binary;
using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>
/// SunRPC ALG (algs.md §6; RFC 5531, RFC 1833, RFC 5665) on the portmapper/rpcbind port 111, UDP and TCP: remembers
/// each portmapper call that asks where a program listens, matches the reply by xid on the client's own flow, and lets
/// the client reach that port (<see cref="SunRpcRewriter"/>).
/// </summary>
/// <remarks>
/// <para>Framing. UDP: one datagram, one message. TCP: records are read one after the other by their record marks
/// (RFC 5531 §11) from the in-order stream; several in a segment are all read, one spread over segments or fragments is
/// read when whole. A record longer than <see cref="SunRpcSettings.MaxMessageLength"/> passes by its marks, unread.
/// An unfinished reply from a server inside is held back by the stage and rewritten whole.</para>
/// <para>Matching. A reply names neither program nor protocol (RFC 5531 §9): only a reply whose xid matches a call
/// this client sent on this flow, within <see cref="SunRpcSettings.ResponseTimeout"/>, is acted on; any other (a
/// spoofed or late one) opens nothing.</para>
/// <para>Not RPC. A message that does not parse ends inspection of a TCP connection (its framing cannot be trusted
/// again, alg-behaviour T1); a UDP datagram that does not parse is counted and passes.</para>
/// </remarks>
public sealed class SunRpcAlg : IAlgHandler
{
    private const int Client = 0;
    private const int Server = 1;

    public AlgDescriptor Descriptor => SunRpcAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new SunRpcSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => new SunRpcSession();

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not SunRpcSession session)
        {
            return;
        }

        var settings = context.SettingsAs<SunRpcSettings>();
        if (context.Protocol != IpProtocol.Tcp)
        {
            OnMessage(in context, session, settings, data, 0, [], ref output);
            return;
        }

        var fromServer = context.Direction == AlgDirection.Reply;
        var direction = fromServer ? Server : Client;
        var holds = fromServer && context.ArrivalSide == FlowSide.Inside && context.Translated && session.HasPending(context.Now);
        Span<SunRpcFragment> fragments = stackalloc SunRpcFragment[SunRpcSettings.MaxFragments];
        var position = 0;
        while (position < data.Length)
        {
            if (session.SkipRemaining[direction] > 0)
            {
                var skipped = Math.Min(session.SkipRemaining[direction], data.Length - position);
                session.SkipRemaining[direction] -= skipped;
                position += skipped;
                continue;
            }

            var rest = data[position..];
            if (session.SkippingRecord[direction])
            {
                // The next fragment of an oversized record: passed by its mark, unread.
                if (rest.Length < SunRpcRecordParser.MarkLength)
                {
                    break;
                }

                var mark = BinaryPrimitives.ReadUInt32BigEndian(rest);
                session.SkippingRecord[direction] = (mark & 0x8000_0000) == 0;
                session.SkipRemaining[direction] = (int)(mark & 0x7FFF_FFFF);
                position += SunRpcRecordParser.MarkLength;
                continue;
            }

            var status = SunRpcRecordParser.Parse(rest, fragments, SunRpcSettings.MaxMessageLength, out var record, out var error);
            if (status == SunRpcParseStatus.Error)
            {
                output.ReportMalformed(SunRpcMessageParser.Describe(error) + "; the connection is no longer inspected (alg-behaviour T1)");
                output.StopInspecting = true;
                position = data.Length;
                break;
            }

            if (record.Oversized)
            {
                var first = fragments[0];
                position += SunRpcRecordParser.MarkLength;
                session.SkipRemaining[direction] = first.Length;
                session.SkippingRecord[direction] = !first.Last;
                continue;
            }

            if (status == SunRpcParseStatus.Incomplete)
            {
                if (holds)
                {
                    output.HoldFrom = position;
                }

                break;
            }

            var recordBytes = rest[..record.StreamLength];
            var recordFragments = fragments[..record.FragmentCount];
            if (!OnRecord(in context, session, settings, recordBytes, position, recordFragments, record.MessageLength, ref output))
            {
                output.StopInspecting = true;
                position = data.Length;
                break;
            }

            position += record.StreamLength;
        }

        output.Consumed = position;
    }

    private static bool OnRecord(in AlgFlowContext context, SunRpcSession session, SunRpcSettings settings, scoped ReadOnlySpan<byte> recordBytes, int recordStart, scoped ReadOnlySpan<SunRpcFragment> fragments, int messageLength, ref AlgOutput output)
    {
        if (fragments.Length == 1)
        {
            return OnMessage(in context, session, settings, recordBytes.Slice(SunRpcRecordParser.MarkLength, messageLength), recordStart, fragments, ref output);
        }

        Span<byte> joined = stackalloc byte[SunRpcSettings.MaxMessageLength];
        SunRpcRecordParser.Join(recordBytes, fragments, joined);
        return OnMessage(in context, session, settings, joined[..messageLength], recordStart, fragments, ref output);
    }

    /// <returns>False when the bytes are not ONC RPC (reported).</returns>
    private static bool OnMessage(in AlgFlowContext context, SunRpcSession session, SunRpcSettings settings, scoped ReadOnlySpan<byte> message, int recordStart, scoped ReadOnlySpan<SunRpcFragment> fragments, ref AlgOutput output)
    {
        if (SunRpcMessageParser.Parse(message, out var header, out var error) == SunRpcParseStatus.Error)
        {
            output.ReportMalformed(SunRpcMessageParser.Describe(error));
            return false;
        }

        var fromClient = context.Direction == AlgDirection.Original;
        if (header.IsCall)
        {
            // Only the flow's client asks; a call the other way (a callback) names nothing the ALG opens for.
            if (fromClient && header.Program == SunRpcPortmapper.Program)
            {
                if (SunRpcPortmapper.TryReadQuery(message, in header, context.Protocol, context.Now + SunRpcSettings.ResponseTimeout, out var query, out var queryError))
                {
                    session.Remember(in query);
                }
                else if (queryError != SunRpcParseError.None)
                {
                    output.ReportMalformed(SunRpcMessageParser.Describe(queryError));
                }
            }

            return true;
        }

        if (fromClient)
        {
            return true;
        }

        if (!session.TryTake(header.Xid, context.Now, out var call))
        {
            output.ReportPartRefused("SunRPC: a reply to no call this client made on this flow (spoofed or late, RFC 5531 §9 xid); nothing opens");
            return true;
        }

        if (header.Accepted)
        {
            SunRpcRewriter.OnReply(in context, settings, message, header.BodyOffset, in call, recordStart, fragments, ref output);
        }

        return true;
    }
}
