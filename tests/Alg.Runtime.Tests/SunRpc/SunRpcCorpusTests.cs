using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.SunRpc;

/// <summary>
/// The SunRPC captures of the shared corpus through the SunRPC ALG, the clients inside (algs.md §6.6): zeek's
/// sadmind scan (v2 GETPORT over UDP, answered with ports and PROGRAM_NOT_AVAILABLE), nDPI's and suricata-verify's NFSv3
/// sessions (rpcbind v3 GETADDR over UDP with universal addresses), zeek's NFS write (v2 GETPORT over record-marked TCP
/// and UDP). (zeek's mount-unmount.pcap holds MOUNT calls to a known port and no port mapper traffic.) The servers are outside, so nothing is rewritten: what leaves has valid checksums and
/// nothing tshark calls malformed, the interpreter and the compiled engine each replaying alone send the same bytes, and
/// each answered question opens its pinhole.
/// </summary>
public sealed class SunRpcCorpusTests
{
    public static TheoryData<string, int, string> Captures() => new()
    {
        { "zeek_zeek__rpc-portmap-sadmind.pcap", 3, "17 202.77.162.213 172.16.115.20 32773" },
        { "ntop_nDPI__nfsv3.pcap", 3, "17 139.25.22.2 139.25.22.102 1048" },
        { "OISF_suricata-verify__nfs3-01__input.pcap", 3, "17 139.25.22.2 139.25.22.102 1048" },
        { "zeek_zeek__nfs_write.pcap", 4, "6 192.168.122.1 192.168.122.219 2049" },
    };

    [RequiresTsharkTheory]
    [MemberData(nameof(Captures))]
    public void Corpus_rpc_leaves_valid_and_identical_from_both_engines_with_its_pinholes(string file, int minimumPinholes, string pinhole)
    {
        var interpreterGateway = new AlgHarness("sunrpc", 111, false, default, FtpEngine.Interpreter);
        var interpreted = RpcCorpusReplay.Run(interpreterGateway, file);
        var compiledGateway = new AlgHarness("sunrpc", 111, false, default, FtpEngine.Compiled);
        var compiled = RpcCorpusReplay.Run(compiledGateway, file);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        var counters = interpreterGateway.Counters;
        Assert.Equal(0, counters.Failures);
        Assert.Equal(0, counters.Malformed);
        Assert.True(counters.PinholesOpened >= minimumPinholes, $"{file}: {counters.PinholesOpened} pinholes, expected at least {minimumPinholes}");
        Assert.Equal(counters.PinholesOpened, compiledGateway.Counters.PinholesOpened);

        // The client (kept inside with its own address) may reach the port the server that answered handed out.
        var parts = pinhole.Split(' ');
        var key = new Alg.Runtime.Flows.FlowKey(Ip.V4(parts[1]), Ip.V4(parts[2]), 50000, ushort.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture), byte.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), Alg.Runtime.Flows.FlowSide.Inside);
        Assert.True(interpreterGateway.Engine.Expectations.Expects(in key, interpreterGateway.Now), $"{file}: no pinhole {pinhole}");
        Assert.Equal(string.Empty, Tshark.BadChecksumFrames(interpreted, "sunrpc-corpus"));
        Assert.Equal(string.Empty, Tshark.MalformedFrames(interpreted, "sunrpc-corpus"));
    }

    /// <summary>The rpcbind v3 captures with their server inside, published 1:1 on 203.0.113.21: every GETADDR answer's
    /// universal address is rewritten to the public address (one character shorter, so the XDR length changes), and
    /// tshark still decodes every packet cleanly with valid checksums; both engines send the same bytes.</summary>
    [RequiresTsharkTheory]
    [InlineData("ntop_nDPI__nfsv3.pcap", "139.25.22.102", "203.0.113.21.4.24")]
    [InlineData("OISF_suricata-verify__nfs3-01__input.pcap", "139.25.22.102", "203.0.113.21.4.24")]
    [InlineData("zeek_zeek__nfs_write.pcap", "192.168.122.219", "")]
    public void Corpus_rpc_with_the_server_inside_is_rewritten_and_stays_valid(string file, string server, string expected)
    {
        var interpreterGateway = new AlgHarness("sunrpc", 111, RpcCorpusReplay.StaticNat(server, "203.0.113.21"), default, FtpEngine.Interpreter);
        var interpreted = RpcCorpusReplay.RunServerInside(interpreterGateway, file, Ip.V4(server), Ip.V4("203.0.113.21"));
        var compiled = RpcCorpusReplay.RunServerInside(new AlgHarness("sunrpc", 111, RpcCorpusReplay.StaticNat(server, "203.0.113.21"), default, FtpEngine.Compiled), file, Ip.V4(server), Ip.V4("203.0.113.21"));

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        var counters = interpreterGateway.Counters;
        Assert.True(counters.Malformed == 0 && counters.Failures == 0, $"{file}: {counters.LastMalformedReason} {counters.LastFailure}");
        Assert.True(counters.PinholesOpened > 0);
        if (expected.Length > 0)
        {
            var text = System.Text.Encoding.ASCII.GetBytes(expected);
            Assert.Contains(interpreted, frame => frame.AsSpan().IndexOf(text) >= 0);
            Assert.True(counters.RewritesApplied > 0);
        }

        Assert.Equal(string.Empty, Tshark.BadChecksumFrames(interpreted, "sunrpc-inside"));
        Assert.Equal(string.Empty, Tshark.MalformedFrames(interpreted, "sunrpc-inside"));
    }
}
