using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Pptp;

/// <summary>
/// The PPTP captures of the shared corpus (tcpdump: a PNS 10.1.1.11 and PAC 10.1.1.10, SCCRQ to OCRP and one enhanced
/// GRE packet; nDPI: a PNS 192.168.43.22 calling 191.101.61.1, OCRP call id 11755) through the PPTP ALG, the PNS inside
/// behind PAT: the interpreter and the compiled engine each replaying alone send the same bytes, tshark finds no bad
/// checksum and no malformed PPTP, and a connected call gets its tunnel (RFC 2637 §2.8, §4.1).
/// </summary>
public sealed class PptpCorpusTests
{
    public static TheoryData<string> PptpCaptures() => new()
    {
        "the-tcpdump-group_tcpdump__pptp.pcap",
        "ntop_nDPI__pptp.pcap",
    };

    [RequiresTsharkTheory]
    [MemberData(nameof(PptpCaptures))]
    public void Corpus_pptp_leaves_valid_and_the_same_from_both_engines(string file)
    {
        var interpreterGateway = new AlgHarness("pptp", 1723, false, default, FtpEngine.Interpreter);
        var interpreted = AlgCorpusReplay.Run(interpreterGateway, file, IpProtocol.Gre);
        var compiled = AlgCorpusReplay.Run(new AlgHarness("pptp", 1723, false, default, FtpEngine.Compiled), file, IpProtocol.Gre);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        Assert.Equal(0, interpreterGateway.Counters.Failures);
        Assert.Equal(0, interpreterGateway.Counters.Malformed);
        var bad = Tshark.BadChecksumFrames(interpreted, "pptp-corpus");
        Assert.True(string.IsNullOrWhiteSpace(bad), $"{file}: frames with bad checksums after the PPTP ALG: {bad}");
        var malformed = Tshark.MalformedFrames(interpreted, "pptp-corpus");
        Assert.True(string.IsNullOrWhiteSpace(malformed), $"{file}: malformed frames after the PPTP ALG: {malformed}");
    }

    [Fact]
    public void Corpus_call_gets_its_tunnel_and_the_pns_gre_leaves_through_it()
    {
        var gateway = new AlgHarness("pptp", 1723, false, default, FtpEngine.Both);
        var forwarded = AlgCorpusReplay.Run(gateway, "the-tcpdump-group_tcpdump__pptp.pcap", IpProtocol.Gre);

        Assert.Equal(1, gateway.Counters.TunnelsOpened);
        var gre = forwarded.Where(frame => frame[PacketBuilder.EthernetHeader + 9] == IpProtocol.Gre).ToList();
        Assert.Single(gre);
        PacketDecoder.Decode(gre[0], LinkType.Ethernet, out var info);
        Assert.Equal(AlgHarness.Public, info.SourceAddress);
    }
}
