using System.Buffers.Binary;
using Alg.Compiler;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;

namespace Alg.Engine.Tests;

/// <summary>
/// The H.323 ALGs' options from configuration text, end to end on both engines: ASA <c>policy-map type inspect h323</c>
/// parameters (h245-tunnel-block, ras-rcf-pinholes, state-checking h225|ras, call-duration-limit) applied through
/// <c>inspect h323 h225|ras MAP</c> and <c>timeout h323/h225</c>; Junos <c>security alg h323</c>
/// endpoint-registration-timeout and media-source-port-any; IOS <c>ip nat service allow-h323-*</c> accepted with no
/// effect. A tunnelled H.245 Setup is dropped under h245-tunnel-block on both engines (algs.md §4.5).
/// </summary>
public sealed class H323ConfigOptionsTests
{
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

    private const string AsaH323Map = AsaHead + """
        policy-map type inspect h323 H323MAP
         parameters
          h245-tunnel-block action drop-connection
          ras-rcf-pinholes enable
          state-checking h225
          state-checking ras
          call-duration-limit 0:30:00
        policy-map global_policy
         class inspection_default
          inspect h323 h225 H323MAP
          inspect h323 ras H323MAP
        service-policy global_policy global
        timeout h323 0:10:00 h225 2:00:00
        """;

    private const string JunosH323 = """
        set system host-name srx
        set security alg h323 endpoint-registration-timeout 7200
        set security alg h323 media-source-port-any
        """;

    private const string IosH323 = """
        interface GigabitEthernet0/0
         ip address 203.0.113.1 255.255.255.0
         ip nat outside
        interface GigabitEthernet0/1
         ip address 192.168.1.1 255.255.255.0
         ip nat inside
        access-list 1 permit 192.168.1.0 0.0.0.255
        ip nat inside source list 1 interface GigabitEthernet0/0 overload
        ip nat service allow-h323-keepalive
        ip nat service allow-h323-even-rtp-ports
        """;

    [Fact]
    public void Asa_inspect_map_parameters_and_timeouts_reach_each_h323_alg()
    {
        var result = ConfigurationLoader.Load(new SourceText("asa.cfg", AsaH323Map));
        var policy = result.Policy;

        Assert.NotNull(policy);
        var q931 = policy.FindAlg("h323-q931")!;
        var ras = policy.FindAlg("h323-ras")!;
        Assert.True(q931.Options["h245-tunnel-block"].AsBoolean);
        Assert.True(q931.Options["state-checking"].AsBoolean);
        Assert.Equal(1800, q931.Options["call-duration-limit"].Number);
        Assert.Equal(600, q931.Options["media-timeout"].Number);
        Assert.Equal(7200, q931.Options["h225-timeout"].Number);
        Assert.Equal(600, policy.FindAlg("h323-h245")!.Options["media-timeout"].Number);
        Assert.True(ras.Options["ras-rcf-pinholes"].AsBoolean);
        Assert.True(ras.Options["state-checking"].AsBoolean);
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.NoEffectInAlg);
    }

    [Fact]
    public void Asa_h245_tunnel_block_with_log_only_has_no_effect()
    {
        var config = AsaH323Map.Replace("h245-tunnel-block action drop-connection", "h245-tunnel-block action log", StringComparison.Ordinal);
        var result = ConfigurationLoader.Load(new SourceText("asa.cfg", config));

        var options = result.Policy!.FindAlg("h323-q931")!.Options;
        Assert.False(options.TryGetValue("h245-tunnel-block", out var block) && block.AsBoolean);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.NoEffectInAlg && d.Message.Contains("h245-tunnel-block", StringComparison.Ordinal));
    }

    [Fact]
    public void Junos_h323_registration_timeout_and_media_source_port_any()
    {
        var result = ConfigurationLoader.Load(new SourceText("srx.conf", JunosH323));
        var policy = result.Policy;

        Assert.NotNull(policy);
        Assert.Equal(7200, policy.FindAlg("h323-ras")!.Options["endpoint-registration-timeout"].Number);
        Assert.True(policy.FindAlg("h323-h245")!.Options["media-source-port-any"].AsBoolean);
    }

    [Fact]
    public void Ios_allow_h323_services_are_accepted_with_no_effect()
    {
        var result = ConfigurationLoader.Load(new SourceText("router.cfg", IosH323));

        Assert.NotNull(result.Policy);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Descriptor == DiagnosticCatalog.NoEffectInAlg && d.Message.Contains("allow-h323", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.UnknownAlg);
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Asa_h245_tunnel_block_drops_a_setup_that_tunnels_h245_and_passes_a_plain_one(EngineMode mode)
    {
        var result = ConfigurationLoader.Load(new SourceText("asa.cfg", AsaH323Map));
        using var gateway = Gateway.Create(result.Policy!, mode);

        var plain = new Call(gateway, clientPort: 40000);
        Assert.Equal(NatAction.Forward, plain.Send(Vector("faststart-setup")).Action);

        var tunnelled = new Call(gateway, clientPort: 40001);
        Assert.NotEqual(NatAction.Forward, tunnelled.Send(Vector("tunnel-setup")).Action);
    }

    private static byte[] Vector(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        var line = File.ReadLines(Path.Combine(directory!.FullName, "tests", "data", "h323", "vectors.tsv")).Single(l => l.StartsWith(name + "\t", StringComparison.Ordinal));
        return Convert.FromHexString(line[(name.Length + 1)..]);
    }

    /// <summary>A call signalling connection from 192.168.1.10 to 203.0.113.20:1720, handshake done.</summary>
    private sealed class Call
    {
        private readonly Gateway _gateway;
        private readonly ushort _clientPort;
        private uint _clientSequence = 1000;
        private uint _serverSequence = 50000;
        private long _now = 1_000_000_000;

        public Call(Gateway gateway, ushort clientPort)
        {
            _gateway = gateway;
            _clientPort = clientPort;
            var syn = Process(Frame(0xC0A8010A, clientPort, 0xCB007114, 1720, 0x02, _clientSequence++, 0, []), IngressSide.Inside, out var mapped);
            Assert.Equal(NatAction.Forward, syn.Action);
            Process(Frame(0xCB007114, 1720, mapped.Address, mapped.Port, 0x12, _serverSequence++, _clientSequence, []), IngressSide.Outside, out _);
            Process(Frame(0xC0A8010A, clientPort, 0xCB007114, 1720, 0x10, _clientSequence, _serverSequence, []), IngressSide.Inside, out _);
        }

        public NatVerdict Send(byte[] payload)
        {
            var verdict = Process(Frame(0xC0A8010A, _clientPort, 0xCB007114, 1720, 0x18, _clientSequence, _serverSequence, payload), IngressSide.Inside, out _);
            _clientSequence += (uint)payload.Length;
            return verdict;
        }

        private NatVerdict Process(byte[] frame, IngressSide side, out (uint Address, ushort Port) source)
        {
            var buffer = new byte[4096];
            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            var verdict = _gateway.Nat.Process(ref packet, LinkType.Ethernet, _now += 1_000_000, side);
            PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
            source = (info.SourceAddress, info.SourcePort);
            return verdict;
        }

        private static byte[] Frame(uint source, ushort sourcePort, uint destination, ushort destinationPort, byte flags, uint sequence, uint acknowledgment, byte[] payload)
        {
            var frame = new byte[14 + 20 + 20 + payload.Length];
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
            var ip = frame.AsSpan(14);
            ip[0] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(40 + payload.Length));
            ip[8] = 64;
            ip[9] = IpProtocol.Tcp;
            BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
            BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Alg.Runtime.Checksums.InternetChecksum.Compute(ip[..20]));
            var tcp = ip[20..];
            BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
            BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], destinationPort);
            BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], sequence);
            BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], acknowledgment);
            tcp[12] = 0x50;
            tcp[13] = flags;
            BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 65535);
            payload.CopyTo(tcp[20..]);
            return frame;
        }
    }
}
