using Alg.Runtime.Capture;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Replay;

/// <summary>
/// Replays captures through a NAT engine as one gateway would see them: the inputs merged by timestamp
/// (ties keep input order), each packet arriving on its side, every packet the gateway sends written in
/// order to one classic pcap with the first input's link type.
/// </summary>
/// <remarks>
/// Each input keeps one buffer for its next record, so memory does not grow with the captures. The
/// <c>beforePacket</c> hook runs between two packets (a reload under traffic, in tests).
/// </remarks>
public static class CaptureReplayer
{
    public static ReplayReport Run(IReadOnlyList<ReplayInput> inputs, string outputPath, NatEngine engine, Action<long>? beforePacket = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(engine);
        var sources = new List<Source>();
        try
        {
            foreach (var input in inputs)
            {
                var source = new Source(input, CaptureReader.Open(input.Path));
                source.Advance();
                sources.Add(source);
            }

            var first = sources.FirstOrDefault(s => s.HasRecord);
            var linkType = first?.LinkType ?? LinkType.Ethernet;
            var precision = first?.Precision ?? TimestampPrecision.Microseconds;
            using var writer = PcapWriter.Create(outputPath, linkType, precision);
            return Replay(sources, writer, engine, beforePacket);
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private static ReplayReport Replay(List<Source> sources, PcapWriter writer, NatEngine engine, Action<long>? beforePacket)
    {
        var dropsBefore = Enum.GetValues<DropReason>().ToDictionary(r => r, r => engine.Drops[r]);
        var translatedBefore = engine.PacketsTranslated;
        var flowsBefore = engine.FlowsCreated;
        var expiredBefore = engine.FlowsExpired;
        var openedBefore = engine.Expectations.Opened;
        var usedBefore = engine.Expectations.Used;
        var pinholesExpiredBefore = engine.Expectations.Expired;
        var ethernet = new EthernetRewriter();
        var work = new byte[CaptureReader.MaxRecordBytes];
        long packetsIn = 0, forwarded = 0, held = 0, skipped = 0;
        while (true)
        {
            var next = Earliest(sources);
            if (next is null)
            {
                break;
            }

            beforePacket?.Invoke(packetsIn);
            packetsIn++;
            if (next.LinkType != writer.LinkType)
            {
                skipped++;
                next.Advance();
                continue;
            }

            var length = next.Length;
            next.Data.CopyTo(work);
            var packet = new PacketBuffer(work, 0, length, work.Length);
            var isEthernet = next.LinkType == LinkType.Ethernet;
            PacketDecoder.Decode(packet.Span, next.LinkType, out var arriving);
            var verdict = engine.Process(ref packet, next.LinkType, next.Timestamp, next.Ingress);
            if (isEthernet && !arriving.IsDropped)
            {
                ethernet.Learn(work.AsSpan(0, length), verdict.Side, arriving.SourceAddress);
            }

            switch (verdict.Action)
            {
                case NatAction.Forward:
                    forwarded++;
                    if (isEthernet && PacketDecoder.Decode(packet.Span, next.LinkType, out var leaving))
                    {
                        var exit = verdict.Side == FlowSide.Inside ? FlowSide.Outside : FlowSide.Inside;
                        ethernet.Rewrite(packet.Span, exit, leaving.DestinationAddress);
                    }

                    var originalLength = packet.Length == length ? next.OriginalLength : packet.Length;
                    writer.Write(next.Timestamp, packet.Span, originalLength);
                    break;
                case NatAction.Held:
                    held++;
                    break;
            }

            next.Advance();
        }

        var dropped = new Dictionary<DropReason, long>();
        foreach (var reason in Enum.GetValues<DropReason>())
        {
            var count = engine.Drops[reason] - dropsBefore[reason];
            if (count > 0)
            {
                dropped[reason] = count;
            }
        }

        return new ReplayReport(
            packetsIn,
            forwarded,
            engine.PacketsTranslated - translatedBefore,
            held,
            skipped,
            dropped,
            engine.FlowsCreated - flowsBefore,
            engine.FlowsExpired - expiredBefore,
            engine.Expectations.Opened - openedBefore,
            engine.Expectations.Used - usedBefore,
            engine.Expectations.Expired - pinholesExpiredBefore);
    }

    private static Source? Earliest(List<Source> sources)
    {
        Source? best = null;
        foreach (var source in sources)
        {
            if (source.HasRecord && (best is null || source.Timestamp < best.Timestamp))
            {
                best = source;
            }
        }

        return best;
    }

    /// <summary>One input with its next record copied out of the reader, so several can be compared.</summary>
    private sealed class Source(ReplayInput input, CaptureReader reader) : IDisposable
    {
        private byte[] _buffer = new byte[65536];

        public IngressSide Ingress { get; } = input.Ingress;

        public bool HasRecord { get; private set; }

        public long Timestamp { get; private set; }

        public int Length { get; private set; }

        public int OriginalLength { get; private set; }

        public LinkType LinkType { get; private set; }

        public TimestampPrecision Precision { get; private set; }

        public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, Length);

        public void Advance()
        {
            HasRecord = reader.TryRead(out var record);
            if (!HasRecord)
            {
                return;
            }

            if (record.Data.Length > _buffer.Length)
            {
                _buffer = new byte[record.Data.Length];
            }

            record.Data.CopyTo(_buffer);
            Length = record.Data.Length;
            OriginalLength = record.OriginalLength;
            Timestamp = record.TimestampNanoseconds;
            LinkType = record.LinkType;
            Precision = record.Interface.Precision;
        }

        public void Dispose() => reader.Dispose();
    }
}
