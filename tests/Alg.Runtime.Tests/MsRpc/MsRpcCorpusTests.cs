using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.MsRpc;

/// <summary>
/// The DCE/RPC captures of the shared corpus through the MS-RPC ALG, the clients inside (algs.md §5.6):
/// suricata-verify bug-5133 (Windows binds the endpoint mapper with NDR64, ept_map for SVCCTL returns TCP 49683, the
/// client connects there), zeek's mapi.pcap (ept_map and ept_lookup for NSPI/MAPI in NDR, then MAPI on the returned
/// ports), zeek's kerberos135_auth (DCOM RemoteCreateInstance on 135 with string bindings and Kerberos auth trailers),
/// and suricata-verify's connectionless DCE/RPC made by scapy (UDP, not the endpoint mapper: read, nothing opens).
/// The servers are outside, so nothing is rewritten: both engines send the same bytes, tshark finds every checksum
/// valid and nothing malformed that the capture did not already hold, and each answer opens its pinhole.
/// </summary>
public sealed class MsRpcCorpusTests
{
    public static TheoryData<string, ushort, int, string> Captures() => new()
    {
        { "OISF_suricata-verify__bug-5133__input.pcap", 135, 1, "172.16.66.1 172.16.66.36 49683" },
        { "zeek_zeek__mapi.pcap", 135, 2, "192.168.0.173 192.168.0.2 4997" },
        { "zeek_zeek__kerberos135_auth.pcapng", 135, 1, "10.10.10.129 10.10.10.100 49718" },
        { "OISF_suricata-verify__dcerpc-udp-scapy__input.pcap", 8000, 0, string.Empty },
    };

    [RequiresTsharkTheory]
    [MemberData(nameof(Captures))]
    public void Corpus_dce_rpc_leaves_valid_and_identical_from_both_engines_with_its_pinholes(string file, ushort port, int minimumPinholes, string pinhole)
    {
        ImmutableArray<AlgPort> ports = [AlgPort.Tcp(port), AlgPort.Udp(port)];
        var interpreterGateway = new AlgHarness("msrpc", port, false, ports, FtpEngine.Interpreter);
        var interpreted = RpcCorpusReplay.Run(interpreterGateway, file);
        var compiledGateway = new AlgHarness("msrpc", port, false, ports, FtpEngine.Compiled);
        var compiled = RpcCorpusReplay.Run(compiledGateway, file);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        var counters = interpreterGateway.Counters;
        Assert.Equal(0, counters.Failures);
        Assert.True(counters.Malformed == 0, $"{file}: {counters.LastMalformedReason}");
        Assert.True(counters.Inspected > 0, $"{file}: the ALG read nothing");
        Assert.True(counters.PinholesOpened >= minimumPinholes, $"{file}: {counters.PinholesOpened} pinholes, expected at least {minimumPinholes} ({counters.LastPartRefused})");
        Assert.Equal(counters.PinholesOpened, compiledGateway.Counters.PinholesOpened);
        if (pinhole.Length > 0)
        {
            // The client (kept inside with its own address) may dial the returned TCP port of the server that answered.
            var parts = pinhole.Split(' ');
            var key = new Alg.Runtime.Flows.FlowKey(Ip.V4(parts[0]), Ip.V4(parts[1]), 50000, ushort.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), 6, Alg.Runtime.Flows.FlowSide.Inside);
            Assert.True(interpreterGateway.Engine.Expectations.Expects(in key, interpreterGateway.Now), $"{file}: no pinhole {pinhole}");
        }

        Assert.Equal(string.Empty, Tshark.BadChecksumFrames(interpreted, "msrpc-corpus"));

        // zeek's mapi.pcap holds packets tshark already flags (truncated SMB, DNS); the output is held to the input.
        var before = Tshark.Run("-r", Corpus.FilePath(file), "-Y", "_ws.malformed or _ws.expert.severity >= error", "-T", "fields", "-e", "frame.number")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var after = Tshark.MalformedFrames(interpreted, "msrpc-corpus").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(after <= before, $"{file}: tshark flags {after} frames after the ALG, {before} in the capture");
    }

    /// <summary>zeek's mapi.pcap with its server inside, published 1:1 on 203.0.113.21: the towers' floor 5 address
    /// becomes the public one in place (bug-5133 starts mid-connection, without a SYN, so a connection from outside is
    /// never established for the ALG to read; its NDR64 tower is rewritten in <c>MsRpcAlgTests</c>' shapes instead), and tshark still decodes the packets
    /// with valid checksums and nothing malformed the capture did not hold; both engines send the same bytes.</summary>
    [RequiresTsharkTheory]
    [InlineData("zeek_zeek__mapi.pcap", "192.168.0.2")]
    public void Corpus_ept_map_with_the_server_inside_is_rewritten_in_place_and_stays_valid(string file, string server)
    {
        var published = Ip.V4("203.0.113.21");
        var interpreterGateway = new AlgHarness("msrpc", 135, RpcCorpusReplay.StaticNat(server, "203.0.113.21"), default, FtpEngine.Interpreter);
        var interpreted = RpcCorpusReplay.RunServerInside(interpreterGateway, file, Ip.V4(server), published);
        var compiled = RpcCorpusReplay.RunServerInside(new AlgHarness("msrpc", 135, RpcCorpusReplay.StaticNat(server, "203.0.113.21"), default, FtpEngine.Compiled), file, Ip.V4(server), published);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        var counters = interpreterGateway.Counters;
        Assert.True(counters.Malformed == 0 && counters.Failures == 0, $"{file}: {counters.LastMalformedReason} {counters.LastFailure}");
        Assert.True(counters.RewritesApplied > 0, $"{file}: nothing rewritten ({counters.LastPartRefused})");
        byte[] floor5 = [0x01, 0x00, 0x09, 0x04, 0x00, 203, 0, 113, 21];
        Assert.Contains(interpreted, frame => frame.AsSpan().IndexOf(floor5) >= 0);
        Assert.Equal(string.Empty, Tshark.BadChecksumFrames(interpreted, "msrpc-inside"));
        var before = Tshark.Run("-r", Corpus.FilePath(file), "-Y", "_ws.malformed or _ws.expert.severity >= error", "-T", "fields", "-e", "frame.number")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var after = Tshark.MalformedFrames(interpreted, "msrpc-inside").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(after <= before, $"{file}: tshark flags {after} frames after the ALG, {before} in the capture");
    }
}
