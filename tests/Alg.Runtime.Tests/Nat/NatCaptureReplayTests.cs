using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
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
            var summary = NatCaptureReplay.Run(Corpus.FilePath("OISF_suricata-verify__ftp-download-passive__input.pcap"), output, PatEverything());
            Assert.Equal(63, summary.Records);
            Assert.Equal(summary.Records, summary.Forwarded + summary.Dropped + summary.Held + summary.Skipped);
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

    /// <summary>Wireshark as the independent judge: translation must not add a single bad IP, TCP or UDP checksum.</summary>
    [RequiresTsharkTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Tshark_finds_no_new_bad_checksums_after_translation(string file)
    {
        var output = Path.Combine(Path.GetTempPath(), $"alg-replay-{Environment.ProcessId}-{file}.pcap");
        try
        {
            NatCaptureReplay.Run(Corpus.FilePath(file), output, PatEverything());
            Assert.True(BadChecksums(output) <= BadChecksums(Corpus.FilePath(file)), $"{file}: translation introduced bad checksums");
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
}
