using System.Buffers.Binary;
using Alg.Compiler;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;

namespace Alg.Engine.Tests;

/// <summary>
/// The SunRPC and MS-RPC ALGs' options from configuration text, on both engines: ASA <c>timeout sunrpc</c> sets how long
/// a GETPORT answer's pinhole lasts (RFC 1833 §3.2), ASA <c>sunrpc-server</c> entries are read (SunRpcServerEntryTests
/// shows what they admit), the ASA dcerpc inspect map's <c>timeout pinhole</c>, <c>endpoint-mapper epm-service-only</c> (a bind to another
/// interface on 135 drops the connection, C706 §12.6.4.3) and <c>lookup-operation</c> reach the ALG, and Junos
/// <c>map-entry-timeout</c> sets the mapping's life in minutes.
/// </summary>
public sealed class RpcConfigOptionsTests
{
    private const uint Client = 0xC0A8010A;
    private const uint Server = 0xCB007114;

    private const string AsaHead = """
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

        """;

    private const string AsaRpc = AsaHead + """
        timeout sunrpc 0:05:00
        sunrpc-server inside 192.168.1.21 255.255.255.255 service 100003 protocol tcp port 2049 timeout 0:30:00
        sunrpc-server inside 192.168.1.21 255.255.255.255 service 100005 protocol udp port 635-636 timeout 0:30:00
        policy-map type inspect dcerpc DCERPC_MAP
         parameters
          timeout pinhole 0:03:00
          endpoint-mapper epm-service-only lookup-operation timeout 0:01:00
        policy-map global_policy
         class inspection_default
          inspect sunrpc
          inspect dcerpc DCERPC_MAP
        service-policy global_policy global
        """;

    [Fact]
    public void Asa_rpc_commands_set_the_options_and_the_sunrpc_server_entries()
    {
        var result = ConfigurationLoader.Load(new SourceText("asa-rpc.cfg", AsaRpc));
        Assert.NotNull(result.Policy);
        var sunRpc = result.Policy.Algs.Single(a => a.Name == "sunrpc");
        var msRpc = result.Policy.Algs.Single(a => a.Name == "msrpc");

        Assert.True(msRpc.Enabled);
        Assert.Equal(300, sunRpc.Options["pinhole-timeout"].Number);
        Assert.Equal(2, sunRpc.Options["server-entries"].Number);
        Assert.Equal(180, msRpc.Options["pinhole-timeout"].Number);
        Assert.True(msRpc.Options["epm-service-only"].AsBoolean);
        Assert.True(msRpc.Options["lookup-operation"].AsBoolean);
        Assert.Equal(2, result.Policy.SunRpcServers.Length);
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.OptionNotActedOn);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.NoEffectInAlg && d.Message.Contains("lookup-operation timeout", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_malformed_sunrpc_server_line_is_reported_on_its_line()
    {
        var result = ConfigurationLoader.Load(new SourceText("asa-rpc.cfg", AsaHead + "sunrpc-server inside 192.168.1.21 service 100003\n"));
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.InvalidValue && d.Span.Line == 14);
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Asa_timeout_sunrpc_is_the_life_of_a_getport_answers_pinhole(EngineMode mode)
    {
        using var gateway = Load(AsaRpc, mode);
        var now = 1_000_000_000L;
        var call = Udp(Client, 40800, Server, 111, Rpc(0x51, 0, [2, 100000, 2, 3, 0, 0, 0, 0, 100003, 3, 6, 0]));
        var sent = Process(gateway, call, IngressSide.Inside, now);
        Assert.Equal(NatAction.Forward, sent.Verdict.Action);
        var reply = Udp(Server, 111, sent.Source, sent.SourcePort, Rpc(0x51, 1, [0, 0, 0, 0, 2049]));
        Assert.Equal(NatAction.Forward, Process(gateway, reply, IngressSide.Outside, now += 1_000_000).Verdict.Action);

        var key = new FlowKey(Client, Server, 41000, 2049, IpProtocol.Tcp, FlowSide.Inside);
        Assert.True(gateway.Nat.Expectations.Expects(in key, now + (299 * NatTimeouts.Second)));
        Assert.False(gateway.Nat.Expectations.Expects(in key, now + (301 * NatTimeouts.Second)));
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Junos_map_entry_timeout_is_in_minutes_and_group_max_usage_is_said_not_to_be_acted_on(EngineMode mode)
    {
        var config = """
            set system host-name srx
            set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24
            set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24
            set security zones security-zone untrust interfaces ge-0/0/0.0
            set security zones security-zone trust interfaces ge-0/0/1.0
            set security nat source rule-set rs1 from zone trust
            set security nat source rule-set rs1 to zone untrust
            set security nat source rule-set rs1 rule r1 match source-address 192.168.1.0/24
            set security nat source rule-set rs1 rule r1 then source-nat interface
            set security alg sunrpc map-entry-timeout 30
            set security alg sunrpc group-max-usage 50
            set security alg msrpc map-entry-timeout 60
            """;
        var result = ConfigurationLoader.Load(new SourceText("srx.set", config));
        Assert.NotNull(result.Policy);
        Assert.Equal(30, result.Policy.Algs.Single(a => a.Name == "sunrpc").Options["map-entry-timeout"].Number);
        Assert.Equal(60, result.Policy.Algs.Single(a => a.Name == "msrpc").Options["map-entry-timeout"].Number);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.OptionNotActedOn && d.Message.Contains("'group-max-usage' of the sunrpc ALG", StringComparison.Ordinal));

        using var gateway = Gateway.Create(result.Policy, mode);
        var now = 1_000_000_000L;
        var sent = Process(gateway, Udp(Client, 40800, Server, 111, Rpc(0x52, 0, [2, 100000, 2, 3, 0, 0, 0, 0, 100005, 3, 17, 0])), IngressSide.Inside, now);
        Process(gateway, Udp(Server, 111, sent.Source, sent.SourcePort, Rpc(0x52, 1, [0, 0, 0, 0, 20048])), IngressSide.Outside, now += 1_000_000);
        var key = new FlowKey(Client, Server, 41000, 20048, IpProtocol.Udp, FlowSide.Inside);
        Assert.True(gateway.Nat.Expectations.Expects(in key, now + (29 * 60 * NatTimeouts.Second)));
        Assert.False(gateway.Nat.Expectations.Expects(in key, now + (31 * 60 * NatTimeouts.Second)));
    }

    /// <summary>A Junos application naming program 100005 (mountd), permitted from trust, is the SunRPC ALG's filter for
    /// clients inside: a GETPORT answer for mountd opens its pinhole, one for NFS (100003) opens nothing and is counted
    /// (RFC 1833 §3.2; Junos <c>rpc-program-number</c>).</summary>
    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Junos_rpc_program_number_applications_filter_what_a_getport_answer_opens(EngineMode mode)
    {
        var config = """
            set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24
            set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24
            set security zones security-zone untrust interfaces ge-0/0/0.0
            set security zones security-zone trust interfaces ge-0/0/1.0
            set security nat source rule-set rs1 from zone trust
            set security nat source rule-set rs1 to zone untrust
            set security nat source rule-set rs1 rule r1 match source-address 192.168.1.0/24
            set security nat source rule-set rs1 rule r1 then source-nat interface
            set applications application MOUNT term t1 alg sunrpc protocol udp rpc-program-number 100005
            set security policies from-zone trust to-zone untrust policy NFS match application junos-sun-rpc-portmap-udp
            set security policies from-zone trust to-zone untrust policy NFS match application MOUNT
            set security policies from-zone trust to-zone untrust policy NFS then permit
            """;
        using var gateway = Load(config, mode);
        var now = 1_000_000_000L;
        var mount = Process(gateway, Udp(Client, 40800, Server, 111, Rpc(0x61, 0, [2, 100000, 2, 3, 0, 0, 0, 0, 100005, 3, 17, 0])), IngressSide.Inside, now);
        Process(gateway, Udp(Server, 111, mount.Source, mount.SourcePort, Rpc(0x61, 1, [0, 0, 0, 0, 20048])), IngressSide.Outside, now += 1_000_000);
        var nfs = Process(gateway, Udp(Client, 40801, Server, 111, Rpc(0x62, 0, [2, 100000, 2, 3, 0, 0, 0, 0, 100003, 3, 17, 0])), IngressSide.Inside, now += 1_000_000);
        Process(gateway, Udp(Server, 111, nfs.Source, nfs.SourcePort, Rpc(0x62, 1, [0, 0, 0, 0, 2049])), IngressSide.Outside, now += 1_000_000);

        Assert.True(gateway.Nat.Expectations.Expects(new FlowKey(Client, Server, 41000, 20048, IpProtocol.Udp, FlowSide.Inside), now));
        Assert.False(gateway.Nat.Expectations.Expects(new FlowKey(Client, Server, 41000, 2049, IpProtocol.Udp, FlowSide.Inside), now));
        var counters = gateway.Nat.Algs!.CountersFor("sunrpc");
        Assert.Equal(1, counters.PartsRefused);
        Assert.Equal(1, counters.PinholesOpened);
    }

    /// <summary>A Junos SunRPC answer keeps a map entry (map-entry-timeout, 480 minutes by default): <c>alg status</c> lists
    /// it with the mapper that gates it and why it admits any client; a reload that keeps the ALG keeps it, one that turns
    /// the ALG off (<c>set security alg sunrpc disable</c>) ends it before the next packet is walked.</summary>
    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Junos_map_entries_are_listed_with_their_reason_and_end_when_a_reload_turns_the_alg_off(EngineMode mode)
    {
        using var gateway = Load(JunosNat, mode);
        var now = 1_000_000_000L;
        var sent = Process(gateway, Udp(Client, 40800, Server, 111, Rpc(0x63, 0, [2, 100000, 2, 3, 0, 0, 0, 0, 100005, 3, 17, 0])), IngressSide.Inside, now);
        Process(gateway, Udp(Server, 111, sent.Source, sent.SourcePort, Rpc(0x63, 1, [0, 0, 0, 0, 20048])), IngressSide.Outside, now += 1_000_000);

        var entry = Assert.Single(Alg.Host.Control.PinholeStatus.From(gateway.Nat, now));
        Assert.Equal(("sunrpc", "udp", "inside", "203.0.113.20:20048", "any the ACL lets reach 203.0.113.20:111/udp"), (entry.Alg, entry.Protocol, entry.Arrives, entry.Expects, entry.Peer));
        Assert.Equal(480 * 60, entry.ExpiresInSeconds);
        Assert.Contains("map-entry-timeout", entry.Reason, StringComparison.Ordinal);
        var status = new Alg.Host.Control.GatewayStatus("interpreter", "srx.set", "f", DateTimeOffset.UnixEpoch, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, [], [], [], 0, [entry]);
        Assert.Contains("  sunrpc     udp 203.0.113.20:20048 from inside -> 203.0.113.20:20048, peer any the ACL lets reach 203.0.113.20:111/udp, 28800 s left (a port mapper's map entry", Alg.Host.Control.StatusFormatter.Text(status), StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(Alg.Host.Control.StatusFormatter.Json(status)))
        {
            Assert.Equal("203.0.113.20:20048", json.RootElement.GetProperty("openPinholes")[0].GetProperty("expects").GetString());
        }

        gateway.Reload(ConfigurationLoader.Load(new SourceText("srx.set", JunosNat + "set security alg sunrpc map-entry-timeout 60\n")).Policy!);
        Process(gateway, Udp(Client, 40900, Server, 53, [0]), IngressSide.Inside, now += 1_000_000);
        Assert.Equal(1, gateway.Nat.Expectations.Count);

        gateway.Reload(ConfigurationLoader.Load(new SourceText("srx.set", JunosNat + "set security alg sunrpc disable\n")).Policy!);
        Process(gateway, Udp(Client, 40901, Server, 53, [0]), IngressSide.Inside, now += 1_000_000);
        Assert.Equal(0, gateway.Nat.Expectations.Count);
        Assert.Empty(Alg.Host.Control.PinholeStatus.From(gateway.Nat, now));
    }

    private const string JunosNat = """
        set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24
        set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24
        set security zones security-zone untrust interfaces ge-0/0/0.0
        set security zones security-zone trust interfaces ge-0/0/1.0
        set security nat source rule-set rs1 from zone trust
        set security nat source rule-set rs1 to zone untrust
        set security nat source rule-set rs1 rule r1 match source-address 192.168.1.0/24
        set security nat source rule-set rs1 rule r1 then source-nat interface

        """;

    /// <summary>ScreenOS <c>set alg sunrpc enable</c> / <c>set alg msrpc enable</c> turn the ALGs on (high-end families ship
    /// them off) and a SunRPC answer then opens its pinhole; without them the port mapper's flows are not inspected.</summary>
    [Theory]
    [InlineData(EngineMode.Interpreter, true)]
    [InlineData(EngineMode.Compiled, false)]
    public void ScreenOs_alg_switches_turn_the_rpc_algs_on_and_off(EngineMode mode, bool enabled)
    {
        var config = """
            set hostname isg2000
            set interface ethernet1/1 zone Untrust
            set interface ethernet1/1 ip 203.0.113.1/24
            set interface ethernet1/2 zone Trust
            set interface ethernet1/2 ip 192.168.1.1/24
            set interface ethernet1/2 nat
            """ + (enabled ? "\nset alg sunrpc enable\nset alg msrpc enable\n" : "\nunset alg sunrpc enable\nunset alg msrpc enable\n");
        var result = ConfigurationLoader.Load(new SourceText("isg.cfg", config));
        Assert.NotNull(result.Policy);
        Assert.Equal(enabled, result.Policy.Algs.Single(a => a.Name == "sunrpc").Enabled);
        Assert.Equal(enabled, result.Policy.Algs.Single(a => a.Name == "msrpc").Enabled);

        using var gateway = Gateway.Create(result.Policy, mode);
        Assert.Equal(enabled, gateway.Nat.Algs!.Dispatch(IpProtocol.Udp, 111) >= 0);
        Assert.Equal(enabled, gateway.Nat.Algs!.Dispatch(IpProtocol.Tcp, 135) >= 0);
    }

    /// <summary>The e2e bench's configurations for the sunrpc/msrpc scenarios load cleanly, with the ALGs on and off.</summary>
    [Theory]
    [InlineData("gateway-asa-rpc.cfg", true)]
    [InlineData("gateway-asa-no-rpc.cfg", false)]
    public void The_e2e_rpc_configurations_load_with_the_algs_on_or_off(string file, bool on)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        var result = ConfigurationLoader.LoadFile(Path.Combine(directory!.FullName, "tests", "e2e", "configs", file));
        Assert.NotNull(result.Policy);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(on, result.Policy.Algs.Single(a => a.Name == "sunrpc").Enabled);
        Assert.Equal(on, result.Policy.Algs.Single(a => a.Name == "msrpc").Enabled);
    }

    private static Gateway Load(string config, EngineMode mode)
    {
        var result = ConfigurationLoader.Load(new SourceText("rpc.cfg", config));
        Assert.NotNull(result.Policy);
        return Gateway.Create(result.Policy, mode);
    }

    /// <summary>An ONC RPC message (RFC 5531 §9): xid, msg_type, then the given 32-bit words.</summary>
    private static byte[] Rpc(uint xid, uint type, uint[] words)
    {
        var bytes = new byte[8 + (4 * words.Length)];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, xid);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), type);
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8 + (4 * i)), words[i]);
        }

        return bytes;
    }

    private static byte[] Udp(uint source, ushort sourcePort, uint destination, ushort destinationPort, byte[] payload)
    {
        var frame = new byte[14 + 28 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(28 + payload.Length));
        ip[8] = 64;
        ip[9] = IpProtocol.Udp;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Alg.Runtime.Checksums.InternetChecksum.Compute(ip[..20]));
        BinaryPrimitives.WriteUInt16BigEndian(ip[20..], sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(ip[22..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(ip[24..], (ushort)(8 + payload.Length));
        payload.CopyTo(ip[28..]);
        return frame;
    }

    private static (NatVerdict Verdict, uint Source, ushort SourcePort) Process(Gateway gateway, byte[] frame, IngressSide side, long now)
    {
        var buffer = new byte[4096];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        var verdict = gateway.Nat.Process(ref packet, LinkType.Ethernet, now, side);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        return (verdict, info.SourceAddress, info.SourcePort);
    }
}
