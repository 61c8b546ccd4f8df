using Alg.Compiler;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Replay;

namespace Alg.Engine.Tests;

/// <summary>
/// PPTP, IPsec-NAT and SCTP from configuration text, on both engines: ScreenOS <c>set alg ipsec-nat</c> and its
/// timeout, <c>set alg sctp</c> on and off; ASA <c>timeout pptp-gre</c>, <c>inspect ipsec-pass-thru</c> and
/// <c>inspect sctp</c>; and the corpus PPTP/GRE, SCTP and ESP/IKE captures replayed (what <c>alg replay</c> runs)
/// byte-identical on both engines, every SCTP packet that leaves with a valid CRC32c (RFC 9260 §6.8).
/// </summary>
public sealed class BeyondTcpUdpConfigTests : IDisposable
{
    private const uint HostA = 0xC0A8010A;
    private const uint HostB = 0xC0A8010B;
    private const uint Peer = 0xCB007114;
    private const uint Public = 0xCB007101;

    private const string ScreenOs = """
        set hostname ssg5
        set interface ethernet0/0 zone Untrust
        set interface ethernet0/0 ip 203.0.113.1/24
        set interface ethernet0/1 zone Trust
        set interface ethernet0/1 ip 192.168.1.1/24
        set interface ethernet0/1 nat
        set alg pptp enable
        set alg ipsec-nat enable
        set alg ipsec-nat timeout 20
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("alg-beyond-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void ScreenOs_ipsec_nat_matches_esp_of_two_hosts_to_one_peer_by_spi_with_its_timeout(EngineMode mode)
    {
        var policy = Load(ScreenOs);
        using var gateway = Gateway.Create(policy, mode);
        Assert.True(gateway.Nat.Program.Ipsec.SpiMatching);
        Assert.Equal(20 * NatTimeouts.Second, gateway.Nat.Program.Timeouts.Esp);
        var now = NatTimeouts.Second;

        var ikeA = Process(gateway, BeyondTcpUdpFrames.Udp(HostA, 500, Peer, 500, BeyondTcpUdpFrames.QuickMode(0xA)), IngressSide.Inside, now);
        Assert.Equal(NatAction.Forward, ikeA.Verdict.Action);
        Process(gateway, BeyondTcpUdpFrames.Esp(HostA, Peer, 0xC1), IngressSide.Inside, now += 1000);
        Assert.Equal(HostA, Process(gateway, BeyondTcpUdpFrames.Esp(Peer, Public, 0xA1), IngressSide.Outside, now += 1000).Destination);

        Process(gateway, BeyondTcpUdpFrames.Udp(HostB, 500, Peer, 500, BeyondTcpUdpFrames.QuickMode(0xB)), IngressSide.Inside, now += 1000);
        Process(gateway, BeyondTcpUdpFrames.Esp(HostB, Peer, 0xC2), IngressSide.Inside, now += 1000);
        Assert.Equal(HostB, Process(gateway, BeyondTcpUdpFrames.Esp(Peer, Public, 0xB1), IngressSide.Outside, now += 1000).Destination);
        Assert.Equal(HostA, Process(gateway, BeyondTcpUdpFrames.Esp(Peer, Public, 0xA1, 2), IngressSide.Outside, now += 1000).Destination);

        // 20 s of silence: A's inbound security association is gone, and no gate lets its SPI in again.
        var later = Process(gateway, BeyondTcpUdpFrames.Esp(Peer, Public, 0xA1, 3), IngressSide.Outside, now + (21 * NatTimeouts.Second));
        Assert.Equal(DropReason.EspWithoutGate, later.Verdict.Reason);
    }

    [Theory]
    [InlineData(EngineMode.Interpreter, true)]
    [InlineData(EngineMode.Compiled, true)]
    [InlineData(EngineMode.Interpreter, false)]
    [InlineData(EngineMode.Compiled, false)]
    public void ScreenOs_sctp_inspection_is_on_by_default_and_unset_turns_it_off(EngineMode mode, bool inspecting)
    {
        var policy = Load(ScreenOs + (inspecting ? string.Empty : "\nunset alg sctp enable\n"));
        Assert.Equal(inspecting, policy.Algs.Single(a => a.Name == "sctp").Enabled);
        using var gateway = Gateway.Create(policy, mode);

        // An INIT bundled with DATA breaks RFC 9260 §6.10: the inspector drops it, plain NAT forwards it.
        var bundled = BeyondTcpUdpFrames.Sctp(HostA, 5000, Peer, 2905, 0, (1, 0, BeyondTcpUdpFrames.InitValue(7)), (0, 3, BeyondTcpUdpFrames.DataValue(1)));
        var sent = Process(gateway, bundled, IngressSide.Inside, NatTimeouts.Second);
        Assert.Equal(inspecting ? NatAction.Drop : NatAction.Forward, sent.Verdict.Action);
        var init = Process(gateway, BeyondTcpUdpFrames.Sctp(HostA, 5001, Peer, 2905, 0, (1, 0, BeyondTcpUdpFrames.InitValue(7))), IngressSide.Inside, 2 * NatTimeouts.Second);
        Assert.Equal(NatAction.Forward, init.Verdict.Action);
        Assert.Equal(Public, init.Source);
        if (inspecting)
        {
            Assert.Equal(1, gateway.Nat.Algs!.CountersFor("sctp").PolicyDrops);
        }
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Asa_timeouts_and_inspections_of_pptp_ipsec_pass_thru_and_sctp_reach_the_algs(EngineMode mode)
    {
        var config = """
            ASA Version 9.8(2)
            hostname fw
            interface GigabitEthernet0/0
             nameif outside
             security-level 0
             ip address 203.0.113.1 255.255.255.0
            interface GigabitEthernet0/1
             nameif inside
             security-level 100
             ip address 192.168.1.1 255.255.255.0
            object network inside-net
             subnet 192.168.1.0 255.255.255.0
             nat (inside,outside) dynamic interface
            timeout pptp-gre 0:01:00
            timeout sctp 0:05:00
            policy-map global_policy
             class inspection_default
              inspect pptp
              inspect ipsec-pass-thru
              inspect sctp
            service-policy global_policy global
            """;
        var result = ConfigurationLoader.Load(new SourceText("asa.cfg", config));
        Assert.NotNull(result.Policy);
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.AlgNotImplemented);
        Assert.Equal(60, result.Policy.Algs.Single(a => a.Name == "pptp").Options["gre-timeout"].Number);
        using var gateway = Gateway.Create(result.Policy, mode);
        Assert.True(gateway.Nat.Program.Ipsec.SpiMatching);
        Assert.Equal(300 * NatTimeouts.Second, gateway.Nat.Program.Timeouts.Sctp);
        Assert.True(gateway.Nat.Algs!.Dispatch(IpProtocol.Sctp, 2905) >= 0);
        Assert.True(gateway.Nat.Algs!.Dispatch(IpProtocol.Tcp, 1723) >= 0);
    }

    /// <summary>The e2e bench's configurations for the pptp, esp and sctp scenarios load cleanly with what they ask for.</summary>
    [Fact]
    public void The_e2e_configurations_of_pptp_esp_and_sctp_load_with_their_algs()
    {
        Alg.Policy.Model.PolicyModel Bench(string file)
        {
            var result = ConfigurationLoader.LoadFile(Path.Combine(EngineTestPaths.RepositoryRoot, "tests", "e2e", "configs", file));
            Assert.NotNull(result.Policy);
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            return result.Policy;
        }

        Assert.True(Bench("gateway.cfg").Algs.Single(a => a.Name == "pptp").Enabled);
        Assert.False(Bench("gateway-no-pptp-alg.cfg").Algs.Single(a => a.Name == "pptp").Enabled);
        var ipsec = Alg.Compiler.Lowering.PolicyLowerer.Lower(Bench("gateway-ipsec.cfg"));
        Assert.True(ipsec.Ipsec.SpiMatching && ipsec.Ipsec.PreserveIkePort);
        Assert.True(Bench("gateway-asa-sctp.cfg").Algs.Single(a => a.Name == "sctp").Enabled);
    }

    public static TheoryData<string> Captures() => new()
    {
        "the-tcpdump-group_tcpdump__pptp.pcap",
        "ntop_nDPI__pptp.pcap",
        "ntop_nDPI__gre.pcapng",
        "zeek_zeek__gre-pptp.pcap",
        "the-tcpdump-group_tcpdump__gre-heapoverflow-1.pcap",
        "zeek_zeek__communityid__sctp.pcap",
        "OISF_suricata-verify__sctp-keywords__input.pcap",
        "sipcapture_heplify__sip_sctp.pcap",
        "ntop_nDPI__sctp.cap",
        "OISF_suricata-verify__decode-sctp-01__input.pcap",
        "OISF_suricata-verify__sctp-pkt-too-small__input.pcap",
        "ntop_nDPI__esp.pcapng",
        "the-tcpdump-group_tcpdump__espudp1.pcap",
        "the-tcpdump-group_tcpdump__isakmp4500.pcap",
        "OISF_suricata-verify__eve-flow-esp__input.pcap",
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Corpus_pptp_gre_sctp_and_ipsec_replay_identically_on_both_engines_with_valid_crc32c(string capture)
    {
        var policy = Load(ScreenOs);
        var input = new ReplayInput(Path.Combine(EngineTestPaths.CorpusPcaps, capture));
        var interpreted = Replay(policy, EngineMode.Interpreter, input, "interpreter.pcap");
        var compiled = Replay(policy, EngineMode.Compiled, input, "compiled.pcap");

        Assert.Equal(interpreted.Report.PacketsIn, compiled.Report.PacketsIn);
        Assert.Equal(interpreted.Report.Forwarded, compiled.Report.Forwarded);
        Assert.Equal(interpreted.Report.Dropped, compiled.Report.Dropped);
        Assert.Equal(File.ReadAllBytes(interpreted.Output), File.ReadAllBytes(compiled.Output));

        using var reader = CaptureReader.Open(interpreted.Output);
        while (reader.TryRead(out var record))
        {
            if (PacketDecoder.Decode(record.Data, record.LinkType, out var info) && info.IpVersion == 4 && info.Protocol == IpProtocol.Sctp && (info.Flags & PacketFlags.Fragment) == 0)
            {
                Assert.True(PacketRewriter.SctpChecksumValid(record.Data.Slice(info.TransportOffset, info.PacketEnd - info.TransportOffset)), $"{capture}: an SCTP packet left with a bad CRC32c");
            }
        }
    }

    private (ReplayReport Report, string Output) Replay(Alg.Policy.Model.PolicyModel policy, EngineMode mode, ReplayInput input, string name)
    {
        using var gateway = Gateway.Create(policy, mode);
        var output = Path.Combine(_directory, name);
        var report = CaptureReplayer.Run([input], output, gateway.Nat);
        return (report, output);
    }

    private static Alg.Policy.Model.PolicyModel Load(string text)
    {
        var result = ConfigurationLoader.Load(new SourceText("gateway.cfg", text));
        return result.Policy ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics.Select(d => $"{d.Span.Line}: {d.Code} {d.Message}")));
    }

    private static (NatVerdict Verdict, uint Source, uint Destination) Process(Gateway gateway, byte[] frame, IngressSide side, long now)
    {
        var buffer = new byte[4096];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        var verdict = gateway.Nat.Process(ref packet, LinkType.Ethernet, now, side);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        return (verdict, info.SourceAddress, info.DestinationAddress);
    }
}
