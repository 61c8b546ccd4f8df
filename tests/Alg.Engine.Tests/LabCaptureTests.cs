using Alg.Compiler;
using Alg.Policy.Text;
using Alg.Runtime.Capture;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Replay;

namespace Alg.Engine.Tests;

/// <summary>
/// The lab captures (tests/data/lab, made by tests/lab/make-captures.sh with real tools through Linux's
/// nft masquerade in network namespaces): what the phone and the server sent is replayed through Alg with
/// the equivalent IOS configuration, and Alg must send exactly the packets Linux sent — same addresses,
/// ports and payloads, in the same order per direction (RFC 4787 REQ-1 endpoint-independent mapping with
/// port preservation, as masquerade does).
/// </summary>
public sealed class LabCaptureTests : IDisposable
{
    private const uint Phone = 0xC0A8010A;   // 192.168.1.10
    private const uint Server = 0xCB007114;  // 203.0.113.20
    private const uint Public = 0xCB007101;  // 203.0.113.1

    private readonly string _directory = Directory.CreateTempSubdirectory("alg-lab-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, EngineMode> Cases() => new()
    {
        { "nat-basic", EngineMode.Interpreter },
        { "nat-basic", EngineMode.Compiled },
        { "tftp", EngineMode.Interpreter },
        { "tftp", EngineMode.Compiled },
        { "sip-udp-helper", EngineMode.Interpreter },
        { "sip-udp-helper", EngineMode.Compiled },
        { "sip-tcp-helper", EngineMode.Interpreter },
        { "sip-tcp-helper", EngineMode.Compiled },
        { "sip-register-inbound", EngineMode.Interpreter },
        { "sip-register-inbound", EngineMode.Compiled },
        { "ftp-active-helper", EngineMode.Interpreter },
        { "ftp-active-helper", EngineMode.Compiled },
        { "ftp-passive-helper", EngineMode.Interpreter },
        { "ftp-passive-helper", EngineMode.Compiled },
        { "ftp-bounce-helper", EngineMode.Interpreter },
        { "ftp-bounce-helper", EngineMode.Compiled },
        { "rtsp-no-helper", EngineMode.Interpreter },
        { "rtsp-no-helper", EngineMode.Compiled },
        { "h323-helper", EngineMode.Interpreter },
        { "h323-helper", EngineMode.Compiled },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Alg_sends_what_linux_masquerade_sent(string scenario, EngineMode engine)
    {
        var (gateway, folder, _, output, report) = Replay(scenario, engine);
        using var _ = gateway;

        Assert.Equal(0, report.DroppedTotal);
        var ours = Summaries(output, _ => true);
        var linuxOut = Summaries(Path.Combine(folder, "gw0.pcap"), p => p.SourceAddress == Public);
        var linuxIn = Summaries(Path.Combine(folder, "gl0.pcap"), p => p.DestinationAddress == Phone);
        Assert.NotEmpty(linuxOut);
        Assert.NotEmpty(linuxIn);
        Assert.Equal(linuxOut, ours.Where(s => s.StartsWith("203.0.113.1 ", StringComparison.Ordinal)).ToList());
        Assert.Equal(linuxIn, ours.Where(s => s.Contains("-> 192.168.1.10 ", StringComparison.Ordinal)).ToList());
    }

    /// <summary>
    /// NAT Slipstreaming v1 (alg-behaviour §3 T1), made with the kernel's own TCP segmentation: a POST whose second
    /// segment starts with a REGISTER naming the phone's port 3306. Linux's SIP helper opened the hole (its
    /// expectation table and the attacker's completed connection are in the scenario's logs). Replayed through Alg:
    /// the REGISTER leaves unmodified, no pinhole opens, and the attacker's SYN to 203.0.113.1:3306 is dropped.
    /// </summary>
    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Slipstreaming_v1_capture_opens_nothing_where_linux_opened_a_hole(EngineMode engine)
    {
        // The phone's answers on port 3306 exist only because Linux let the attacker in: they are not replayed.
        var (gateway, folder, inside, output, _) = Replay("sip-slipstream-v1", engine, fromPhone: p => p.SourcePort != 3306);
        using var _ = gateway;
        Assert.Contains("dport=3306", File.ReadAllText(Path.Combine(folder, "logs", "gw-conntrack-expect.txt")), StringComparison.Ordinal);

        Assert.Equal(0, gateway.Nat.Expectations.Opened);
        var phoneSent = string.Concat(Summaries(inside, p => p.Protocol == 6).Select(s => s.Split(' ')[^1]));
        var weSent = string.Concat(Summaries(output, p => p.SourceAddress == Public && p.Protocol == 6).Select(s => s.Split(' ')[^1]));
        Assert.Contains(Convert.ToHexString("Contact: <sip:x@192.168.1.10:3306;transport=TCP>"u8), weSent, StringComparison.Ordinal);
        Assert.Equal(phoneSent, weSent);
        Assert.DoesNotContain(Summaries(output, _ => true), s => s.Contains(" 3306 p6", StringComparison.Ordinal));
        Assert.True(gateway.Nat.Drops.Total >= 1);
    }

    /// <summary>The RTSP lab capture (Linux has no RTSP helper): Alg sends the same bytes (the test above) and its RTSP
    /// ALG read both SETUP exchanges and opened an RTP/RTCP pair for each track (RFC 2326 §12.39).</summary>
    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Rtsp_capture_opens_a_pinhole_pair_per_track(EngineMode engine)
    {
        var (gateway, _, _, _, _) = Replay("rtsp-no-helper", engine);
        using var _ = gateway;

        var counters = gateway.Nat.Algs!.CountersFor("rtsp");
        Assert.Equal(4, counters.PinholesOpened);
        Assert.Equal(0, counters.Malformed);
    }

    /// <summary>
    /// The MGCP lab capture (Linux has no MGCP helper): osmo-mgw behind masquerade and a DNAT of UDP 2427 answers the
    /// call agent's CRCX with SDP naming 192.168.1.10, which the agent cannot reach. Replayed through Alg: the same
    /// answers leave with the public address in c= and o= (RFC 3435 §2.3.5; RFC 4566 §5.7) and open the media pinholes.
    /// </summary>
    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Mgcp_capture_leaves_with_the_public_address_where_linux_left_the_private_one(EngineMode engine)
    {
        var (gateway, folder, _, output, _) = Replay("mgcp-no-helper", engine, "gateway-ios-mgcp.cfg");
        using var _ = gateway;

        var linux = Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes("c=IN IP4 192.168.1.10"));
        var ours = Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes("c=IN IP4 203.0.113.1"));
        Assert.Equal(2, Summaries(Path.Combine(folder, "gw0.pcap"), p => p.SourceAddress == Public && p.SourcePort == 2427).Count(s => s.Contains(linux, StringComparison.Ordinal)));
        var sent = Summaries(output, p => p.SourceAddress == Public && p.SourcePort == 2427);
        Assert.Equal(2, sent.Count(s => s.Contains(ours, StringComparison.Ordinal)));
        Assert.DoesNotContain(sent, s => s.Contains(linux, StringComparison.Ordinal));
        var counters = gateway.Nat.Algs!.CountersFor("mgcp");
        Assert.Equal(4, counters.PinholesOpened);
        Assert.Equal(0, counters.Malformed);
    }

    /// <summary>
    /// The corpus H.323 call (nDPI h323.pcap: Setup → Connect with h245Address, the H.245 connection with OLC/OLCAck
    /// both ways, a RAS GRQ/RRQ/ARQ exchange) replayed from real sockets through Linux's Q.931 and RAS conntrack
    /// helpers with nf_nat_h323 (tests/lab/make-captures.sh h323-helper, tests/lab/conversation-replay.py). Alg sends
    /// the same bytes (the test above: every h245Address, OLC mediaChannel/mediaControlChannel and RAS address Linux
    /// rewrote, Alg rewrote alike — H.225.0 §7, H.245 §7.3.1, H.225.0 §7.9), and every inbound expectation Linux's
    /// helpers created (its /proc/net/nf_conntrack_expect after the call) is a pinhole Alg opened too.
    /// </summary>
    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void H323_call_opens_every_inbound_expectation_linuxs_helpers_opened(EngineMode engine)
    {
        var (gateway, folder, inside, _, _) = Replay("h323-helper", engine);
        using var _ = gateway;
        long last = 0;
        using (var reader = CaptureReader.Open(inside))
        {
            while (reader.TryRead(out var record))
            {
                last = record.TimestampNanoseconds;
            }
        }

        var linux = File.ReadAllLines(Path.Combine(folder, "logs", "gw-conntrack-expect.txt"))
            .Where(line => line.Contains(" src=203.0.113.20 dst=203.0.113.1 ", StringComparison.Ordinal))
            .Select(line => (Protocol: (byte)(line.Contains("proto=6 ", StringComparison.Ordinal) ? 6 : 17), Port: ushort.Parse(line.Split("dport=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(3, linux.Count);
        foreach (var (protocol, port) in linux)
        {
            var key = new FlowKey(Server, Public, 41000, port, protocol, FlowSide.Outside);
            Assert.True(gateway.Nat.Expectations.Expects(in key, last), $"Linux expected {(protocol == 6 ? "tcp" : "udp")} to 203.0.113.1:{port}; Alg did not");
        }

        Assert.Equal(0, gateway.Nat.Algs!.CountersFor("h323-q931").Malformed);
        Assert.Equal(0, gateway.Nat.Algs.CountersFor("h323-h245").Malformed);
    }

    /// <summary>
    /// The RPC captures made through `alg run` itself on the e2e bench (tests/e2e/scenarios.sh sunrpc and msrpc; Linux
    /// has no helper for either): rpcbind with rpc.statd, or Samba's endpoint mapper, on the inside host published 1:1
    /// as 203.0.113.10, the clients outside (rpcinfo -p/-t/-u and a v2 GETPORT; impacket's ept_map then a bind, and the
    /// ept_lookup listing). Replayed through a gateway loaded with the bench's configuration, each engine sends exactly
    /// what `alg run` sent, in both directions; no byte from the servers leaves with the private address
    /// (RFC 1833 §2.2 universal addresses, C706 Appendix L towers), and the ALGs open the pinholes the clients used.
    /// </summary>
    [Theory]
    [InlineData("sunrpc-alg-run", "sunrpc", 3, EngineMode.Interpreter)]
    [InlineData("sunrpc-alg-run", "sunrpc", 3, EngineMode.Compiled)]
    [InlineData("msrpc-alg-run", "msrpc", 1, EngineMode.Interpreter)]
    [InlineData("msrpc-alg-run", "msrpc", 1, EngineMode.Compiled)]
    public void Rpc_captures_made_through_alg_run_replay_to_the_same_bytes(string scenario, string alg, int pinholes, EngineMode engine)
    {
        const uint Published = 0xCB00710A; // 203.0.113.10
        var (gateway, folder, _, output, report) = Replay(scenario, engine, "gateway-asa-rpc.cfg");
        using var _ = gateway;

        Assert.Equal(0, report.DroppedTotal);
        var ours = Summaries(output, _ => true);
        var sentOut = Summaries(Path.Combine(folder, "wan0.pcap"), p => p.SourceAddress == Published);
        var sentIn = Summaries(Path.Combine(folder, "lan0.pcap"), p => p.DestinationAddress == Phone);
        Assert.NotEmpty(sentOut);
        Assert.Equal(sentOut, ours.Where(s => s.StartsWith("203.0.113.10 ", StringComparison.Ordinal)).ToList());
        Assert.Equal(sentIn, ours.Where(s => s.Contains("-> 192.168.1.10 ", StringComparison.Ordinal)).ToList());
        Assert.DoesNotContain(sentOut, s => s.Contains(Convert.ToHexString("192.168.1.10"u8), StringComparison.Ordinal) || s.Contains("C0A8010A", StringComparison.Ordinal));
        var counters = gateway.Nat.Algs!.CountersFor(alg);
        Assert.True(counters.PinholesOpened >= pinholes, $"{counters.PinholesOpened} pinholes");
        Assert.Equal(0, counters.Malformed);
    }

    /// <summary>Replays what the phone (lan0) and the server (wan0) of a lab scenario sent through Alg with the lab
    /// gateway's configuration; the caller disposes the gateway.</summary>
    /// <param name="fromPhone">Which of the phone's packets to send, beyond being the phone's.</param>
    private (Gateway Gateway, string Folder, string Inside, string Output, ReplayReport Report) Replay(
        string scenario, EngineMode engine, string config = "gateway-ios.cfg", Func<PacketInfo, bool>? fromPhone = null)
    {
        var lab = Path.Combine(EngineTestPaths.RepositoryRoot, "tests", "data", "lab");
        var folder = Path.Combine(lab, scenario);
        var inside = Filter(Path.Combine(folder, "lan0.pcap"), "inside.pcap", p => p.SourceAddress == Phone && (fromPhone is null || fromPhone(p)));
        var outside = Filter(Path.Combine(folder, "wan0.pcap"), "outside.pcap", p => p.SourceAddress == Server);
        var policy = ConfigurationLoader.LoadFile(Path.Combine(lab, config)).Policy!;
        var gateway = Gateway.Create(policy, engine);
        var output = Path.Combine(_directory, "alg.pcap");
        var report = CaptureReplayer.Run([new ReplayInput(inside, IngressSide.Inside), new ReplayInput(outside, IngressSide.Outside)], output, gateway.Nat);
        return (gateway, folder, inside, output, report);
    }

    private string Filter(string input, string name, Func<PacketInfo, bool> keep)
    {
        var path = Path.Combine(_directory, name);
        using var reader = CaptureReader.Open(input);
        using var writer = PcapWriter.Create(path, LinkType.Ethernet, TimestampPrecision.Microseconds);
        while (reader.TryRead(out var record))
        {
            if (PacketDecoder.Decode(record.Data, record.LinkType, out var info) && info.IpVersion == 4 && keep(info))
            {
                writer.Write(record.TimestampNanoseconds, record.Data, record.OriginalLength);
            }
        }

        return path;
    }

    /// <summary>"src:sport -> dst:dport proto payload-hex" per IPv4 packet, in capture order.</summary>
    private static List<string> Summaries(string path, Func<PacketInfo, bool> keep)
    {
        var result = new List<string>();
        using var reader = CaptureReader.Open(path);
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info) || info.IpVersion != 4 || !keep(info))
            {
                continue;
            }

            var payload = Convert.ToHexString(record.Data[info.PayloadOffset..info.PacketEnd]);
            result.Add($"{Address(info.SourceAddress)} {info.SourcePort} -> {Address(info.DestinationAddress)} {info.DestinationPort} p{info.Protocol} {payload}");
        }

        return result;
    }

    private static string Address(uint value) => new Alg.Policy.Model.Ipv4Address(value).ToString();
}
