using Alg.Runtime.Capture;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>Runs a capture through a <see cref="NatEngine"/> and writes what the gateway would send, in capture time.</summary>
/// <remarks>
/// Offline replay is how the translator is tested against real traffic: every record is processed at its own
/// timestamp, forwarded packets are written (rewritten in place), dropped and held ones are not. One buffer is
/// reused for all records; its head-room lets reassembled datagrams and ALG edits grow.
/// </remarks>
public static class NatCaptureReplay
{
    private const int BufferBytes = 65535 + 1024;

    public static ReplaySummary Run(CaptureReader reader, PcapWriter? writer, NatEngine engine, IngressSide ingress = IngressSide.Auto)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(engine);
        var buffer = new byte[BufferBytes];
        long records = 0, forwarded = 0, dropped = 0, held = 0, skipped = 0;
        var translatedBefore = engine.PacketsTranslated;
        while (reader.TryRead(out var record))
        {
            records++;
            if (writer is not null && record.LinkType != writer.LinkType)
            {
                skipped++;
                continue;
            }

            record.Data.CopyTo(buffer);
            var packet = new PacketBuffer(buffer, 0, record.Data.Length, buffer.Length);
            var verdict = engine.Process(ref packet, record.LinkType, record.TimestampNanoseconds, ingress);
            switch (verdict.Action)
            {
                case NatAction.Forward:
                    forwarded++;

                    // A snap-length-cut frame keeps its wire length; a reassembled or edited one has its new length.
                    var originalLength = packet.Length == record.Data.Length ? record.OriginalLength : packet.Length;
                    writer?.Write(record.TimestampNanoseconds, packet.Span, originalLength);
                    break;
                case NatAction.Held:
                    held++;
                    break;
                default:
                    dropped++;
                    break;
            }
        }

        return new ReplaySummary(records, forwarded, engine.PacketsTranslated - translatedBefore, dropped, held, skipped);
    }

    /// <summary>Replays <paramref name="inputPath"/> into <paramref name="outputPath"/> (classic pcap, the input's link type and precision).</summary>
    public static ReplaySummary Run(string inputPath, string outputPath, NatEngine engine, IngressSide ingress = IngressSide.Auto)
    {
        // The first record decides the output link type and precision (pcapng declares interfaces lazily).
        LinkType linkType;
        TimestampPrecision precision;
        using (var probe = CaptureReader.Open(inputPath))
        {
            if (!probe.TryRead(out var first))
            {
                using var empty = PcapWriter.Create(outputPath, probe.Interfaces.Count > 0 ? probe.Interfaces[0].LinkType : LinkType.Ethernet, TimestampPrecision.Microseconds);
                return new ReplaySummary(0, 0, 0, 0, 0, 0);
            }

            linkType = first.LinkType;
            precision = first.Interface.Precision;
        }

        using var reader = CaptureReader.Open(inputPath);
        using var writer = PcapWriter.Create(outputPath, linkType, precision);
        return Run(reader, writer, engine, ingress);
    }
}
