using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Replay;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Nat;

public sealed class NatCaptureReplayTests
{
    public static TheoryData<string> CorpusFiles => Corpus.Files();

    private static NatEngine PatEverything() =>
        Support.TestEngines.Nat(TestPolicies.Policy([TestPolicies.PatOnInterface() with { RealAddresses = ImmutableArray<AddressRange>.Empty }]), new NatEngineOptions(FlowCapacity: 8192, MappingCapacity: 8192));

    [Fact]
    public void Replay_writes_forwarded_packets_and_counts_the_rest()
    {
        var output = Path.Combine(Path.GetTempPath(), $"alg-replay-{Environment.ProcessId}.pcap");
        try
        {
            var summary = CaptureReplayer.Run([new ReplayInput(Corpus.FilePath("OISF_suricata-verify__ftp-download-passive__input.pcap"))], output, PatEverything());
            Assert.Equal(63, summary.PacketsIn);
            Assert.Equal(summary.PacketsIn, summary.Forwarded + summary.DroppedTotal + summary.Held + summary.SkippedOtherLinkType);
            Assert.True(summary.Translated > 0);

            using var reader = CaptureReader.Open(output);
            var written = 0;
            while (reader.TryRead(out _))
            {
                written++;
            }

            Assert.Equal(summary.Forwarded, written);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Wireshark as the independent judge: NAT alone (ALGs off) must not add a single bad IP, TCP or UDP
    /// checksum, nor an expert error or malformed packet.</summary>
    /// <remarks>Some corpus files already hold such packets (truncated captures, offloaded checksums), so the output
    /// is held to the input's count; a file clean on input must come out clean. Frames NAT drops (unsolicited) are
    /// missing from the output, which can only lower its count.</remarks>
    [RequiresTsharkTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Tshark_finds_no_new_bad_checksums_errors_or_malformed_packets_after_translation(string file)
    {
        var output = Path.Combine(Path.GetTempPath(), $"alg-replay-{Environment.ProcessId}-{file}.pcap");
        try
        {
            var engine = PatEverything();
            CaptureReplayer.Run([new ReplayInput(Corpus.FilePath(file))], output, engine);
            Assert.Null(engine.Algs);
            Assert.True(BadChecksums(output) <= BadChecksums(Corpus.FilePath(file)), $"{file}: translation introduced bad checksums");
            var before = ErrorsOrMalformed(Corpus.FilePath(file));
            var after = ErrorsOrMalformed(output);
            Assert.True(after <= before, $"{file}: tshark reports {after} expert errors or malformed packets after translation, {before} before");
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static int BadChecksums(string capture)
    {
        var text = Tshark.Run(
            "-r", capture,
            "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
            "-Y", "ip.checksum.status == \"Bad\" || udp.checksum.status == \"Bad\" || tcp.checksum.status == \"Bad\"",
            "-T", "fields", "-e", "frame.number");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static int ErrorsOrMalformed(string capture)
    {
        // H.245 is found by tshark through the address Q.931 announces; with the H.323 ALG off that address stays
        // private while the packets carry the mapped one, so tshark would misread translated H.245 as broken Q.931.
        // Off on both sides of the comparison, so H.245 bytes are judged the same way before and after.
        var text = Tshark.Run(
            "-r", capture,
            "--disable-protocol", "h245",
            "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
            "-Y", "_ws.expert.severity >= error or _ws.malformed",
            "-T", "fields", "-e", "frame.number");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
