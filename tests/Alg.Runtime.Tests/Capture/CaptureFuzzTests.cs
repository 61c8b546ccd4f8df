using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Capture;

/// <summary>Corrupted captures: the only failure allowed is a <see cref="CaptureFormatException"/>; the engine never throws.</summary>
public sealed class CaptureFuzzTests
{
    [Theory]
    [InlineData("ntop_nDPI__oracle12.pcapng")]
    [InlineData("ntop_nDPI__rtsp_setup_http.pcapng")]
    [InlineData("ntop_nDPI__nfsv3.pcap")]
    [InlineData("arkime_arkime__oracle.pcap")]
    [InlineData("sipcapture_heplify__sip_sctp.pcap")]
    public void Random_corruption_gives_format_errors_or_counted_drops_only(string file)
    {
        var original = File.ReadAllBytes(Corpus.FilePath(file));
        var random = new Random(file.Length);
        var engine = TestEngines.Nat(TestPolicies.Policy([TestPolicies.PatOnInterface()]), new NatEngineOptions(FlowCapacity: 1024, MappingCapacity: 1024));
        var buffer = new byte[CaptureReader.MaxRecordBytes];
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var mutated = (byte[])original.Clone();
            var flips = 1 + random.Next(8);
            for (var i = 0; i < flips; i++)
            {
                // Bias towards headers, where lengths live.
                var position = random.Next(3) == 0 ? random.Next(Math.Min(200, mutated.Length)) : random.Next(mutated.Length);
                mutated[position] = (byte)random.Next(256);
            }

            var length = random.Next(4) == 0 ? random.Next(mutated.Length) : mutated.Length;
            try
            {
                using var reader = new CaptureReader(new MemoryStream(mutated, 0, length), "fuzz");
                while (reader.TryRead(out var record))
                {
                    record.Data.CopyTo(buffer);
                    var packet = new PacketBuffer(buffer, 0, record.Data.Length, Math.Min(buffer.Length, record.Data.Length + 65536));
                    engine.Process(ref packet, record.LinkType, record.TimestampNanoseconds);
                }
            }
            catch (CaptureFormatException)
            {
                // Expected for many mutations: a clear error naming the record.
            }
        }
    }
}
