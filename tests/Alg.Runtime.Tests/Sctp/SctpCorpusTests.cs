using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Sctp;

/// <summary>
/// The SCTP captures of the shared corpus (zeek: a whole association on port 7; suricata-verify: an association on
/// 2906-6303; heplify: SIP over SCTP caught mid-way; a truncated packet) through the SCTP inspector, the
/// first association's client inside behind PAT: the interpreter and the compiled engine each replaying alone send the
/// same bytes, every SCTP packet leaves with a valid CRC32c (RFC 9260 §6.8), the association passes whole, and what has
/// no association is dropped and counted.
/// </summary>
public sealed class SctpCorpusTests
{
    public static TheoryData<string, ushort> SctpCaptures() => new()
    {
        { "zeek_zeek__communityid__sctp.pcap", 7 },
        { "OISF_suricata-verify__sctp-keywords__input.pcap", 6303 },
    };

    private static AlgHarness Gateway(FtpEngine engine) =>
        new("sctp", 0, TestPolicies.Policy(
            [TestPolicies.PatOnInterface() with { RealAddresses = [] }],
            TestPolicies.Behavior(filtering: Alg.Policy.Model.FilteringBehavior.AddressAndPortDependent, portPreservation: false)), default, engine);

    [Theory]
    [MemberData(nameof(SctpCaptures))]
    public void Corpus_associations_leave_with_a_valid_crc32c_and_the_same_bytes_from_both_engines(string file, ushort serverPort)
    {
        var interpreterGateway = Gateway(FtpEngine.Interpreter);
        var interpreted = AlgCorpusReplay.Run(interpreterGateway, file, protocol: IpProtocol.Sctp, servicePort: serverPort);
        var compiled = AlgCorpusReplay.Run(Gateway(FtpEngine.Compiled), file, protocol: IpProtocol.Sctp, servicePort: serverPort);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
            Assert.True(TunnelPackets.SctpChecksumValid(interpreted[i]), $"{file}: frame {i} leaves with a bad CRC32c");
        }

        Assert.Equal(0, interpreterGateway.Counters.Failures);
        Assert.Equal(0, interpreterGateway.Counters.PolicyDrops);
    }

    [RequiresTsharkTheory]
    [MemberData(nameof(SctpCaptures))]
    public void Tshark_finds_every_forwarded_crc32c_good(string file, ushort serverPort)
    {
        var forwarded = AlgCorpusReplay.Run(Gateway(FtpEngine.Both), file, protocol: IpProtocol.Sctp, servicePort: serverPort);
        var bad = Tshark.Query(forwarded, "sctp-corpus", "-o", "sctp.checksum:CRC-32C", "-Y", "sctp.checksum.status != 1", "-T", "fields", "-e", "frame.number").Trim();
        Assert.True(string.IsNullOrWhiteSpace(bad), $"{file}: tshark finds a bad CRC32c in frames {bad}");
    }

    [Fact]
    public void Captures_caught_mid_association_and_truncated_ones_are_dropped_and_counted()
    {
        var gateway = Gateway(FtpEngine.Both);
        var forwarded = AlgCorpusReplay.Run(gateway, "sipcapture_heplify__sip_sctp.pcap", protocol: IpProtocol.Sctp, servicePort: 5060);
        Assert.Empty(forwarded);
        Assert.True(gateway.Counters.PolicyDropsBy[SctpInspectorReasons.NoAssociation] >= 1);

        var nat = new NatHarness(AlgPolicies.PatEverythingStrict());
        using var reader = Alg.Runtime.Capture.CaptureReader.Open(Corpus.FilePath("OISF_suricata-verify__sctp-pkt-too-small__input.pcap"));
        while (reader.TryRead(out var record))
        {
            Assert.False(PacketDecoder.Decode(record.Data, record.LinkType, out var info));
            Assert.Equal(DropReason.TruncatedTransportHeader, info.DropReason);
        }
    }
}
