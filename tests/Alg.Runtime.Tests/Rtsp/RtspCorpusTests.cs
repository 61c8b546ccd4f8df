using System.Collections.Immutable;
using System.Text;
using Alg.Policy.Algs;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Rtsp;

/// <summary>
/// The RTSP captures of the shared corpus (nDPI: a player on 10.1.1.10 and a server on 10.2.2.2:8554, two tracks over
/// UDP; SETUP over an HTTP-tunnel attempt) through the RTSP ALG on port 8554, the player inside: what leaves has valid
/// checksums (tshark), the interpreter and the compiled engine each replaying alone send the same bytes, and each
/// track's SETUP reply opens its RTP/RTCP pair (RFC 2326 §12.39).
/// </summary>
public sealed class RtspCorpusTests
{
    private static readonly ImmutableArray<AlgPort> Ports = [AlgPort.Tcp(554), AlgPort.Tcp(8554)];

    public static TheoryData<string> RtspCaptures() => new()
    {
        "ntop_nDPI__rtsp.pcap",
        "ntop_nDPI__rtsp_setup_http.pcapng",
    };

    [RequiresTsharkTheory]
    [MemberData(nameof(RtspCaptures))]
    public void Corpus_rtsp_leaves_with_valid_checksums_and_the_same_bytes_from_both_engines(string file)
    {
        var interpreterGateway = new AlgHarness("rtsp", 8554, false, Ports, FtpEngine.Interpreter);
        var interpreted = AlgCorpusReplay.Run(interpreterGateway, file);
        var compiled = AlgCorpusReplay.Run(new AlgHarness("rtsp", 8554, false, Ports, FtpEngine.Compiled), file);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        Assert.Equal(0, interpreterGateway.Counters.Failures);
        var bad = Tshark.BadChecksumFrames(interpreted, "rtsp-corpus");
        Assert.True(string.IsNullOrWhiteSpace(bad), $"{file}: frames with bad checksums after the RTSP ALG: {bad}");
    }

    [Fact]
    public void Corpus_two_track_setup_opens_a_pair_per_track()
    {
        var gateway = new AlgHarness("rtsp", 8554, false, Ports, FtpEngine.Both);
        var forwarded = AlgCorpusReplay.Run(gateway, "ntop_nDPI__rtsp.pcap");

        Assert.Equal(0, gateway.Counters.Malformed);
        Assert.True(gateway.Counters.PinholesOpened >= 4, $"only {gateway.Counters.PinholesOpened} pinholes");
        Assert.Contains(forwarded, frame => Encoding.ASCII.GetString(frame).Contains("client_port=55664-55665;server_port=58547-58548", StringComparison.Ordinal));
    }
}
