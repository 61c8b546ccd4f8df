using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Ftp;

/// <summary>
/// The real FTP captures of the shared corpus through the FTP ALG: the client of the first control connection stands
/// inside (its own address, PAT to 203.0.113.1), the server outside. What leaves must have valid IP and TCP checksums
/// (tshark as the judge: a rewritten PORT changes lengths, checksums and, RFC 2663 §7.1, every later SEQ/ACK), and the
/// interpreter and the compiled engine, each replaying alone, must send the same bytes.
/// </summary>
public sealed class FtpCorpusTests
{
    public static TheoryData<string> FtpCaptures() => new()
    {
        "zeek_zeek__ftp__ipv4.pcap",
        "zeek_zeek__ftp__ipv6.pcap",
        "zeek_zeek__ftp-auth-tls.pcap",
        "zeek_zeek__fake-long-commands.pcap",
        "ntop_nDPI__ftp.pcap",
        "OISF_suricata-verify__ftp-download-active__input.pcap",
        "OISF_suricata-verify__ftp-download-passive__input.pcap",
        "OISF_suricata-verify__ftp-epsv__input.pcap",
        "OISF_suricata-verify__ftp-upload-passive__input.pcap",
    };

    [RequiresTsharkTheory]
    [MemberData(nameof(FtpCaptures))]
    public void Corpus_ftp_leaves_with_valid_checksums_and_the_same_bytes_from_both_engines(string file)
    {
        var (interpreted, interpreterGateway) = Replay(file, FtpEngine.Interpreter);
        var (compiled, _) = Replay(file, FtpEngine.Compiled);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        Assert.Equal(0, interpreterGateway.Counters.Failures);
        var bad = Tshark.BadChecksumFrames(interpreted, "ftp-corpus");
        Assert.True(string.IsNullOrWhiteSpace(bad), $"{file}: frames with bad checksums after the FTP ALG: {bad}");
    }

    /// <summary>The active-mode capture: the client's PORT is rewritten to the public address and the server's data
    /// connection comes in through the pinhole it opened.</summary>
    [Fact]
    public void Corpus_active_download_rewrites_the_port_command_and_lets_the_data_connection_in()
    {
        var (forwarded, gateway) = Replay("OISF_suricata-verify__ftp-download-active__input.pcap", FtpEngine.Both);

        Assert.True(gateway.Counters.RewritesApplied > 0);
        Assert.True(gateway.Counters.PinholesOpened > 0);
        Assert.Contains(forwarded, frame => System.Text.Encoding.ASCII.GetString(frame).Contains("PORT 203,0,113,1,", StringComparison.Ordinal));
    }

    private static (List<byte[]> Forwarded, FtpHarness Gateway) Replay(string file, FtpEngine engine)
    {
        var gateway = new FtpHarness(false, default, engine);
        return (AlgCorpusReplay.Run(gateway, file), gateway);
    }
}
