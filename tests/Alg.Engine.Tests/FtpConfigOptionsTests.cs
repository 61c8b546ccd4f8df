using System.Buffers.Binary;
using System.Text;
using Alg.Compiler;
using Alg.Policy.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;

namespace Alg.Engine.Tests;

/// <summary>
/// The FTP ALG's options and ports come from the user's configuration, end to end, on both engines: ASA
/// <c>inspect ftp strict</c> drops a connection that pipelines a command behind an unanswered PORT, an FTP inspect map's
/// <c>match request-command put</c> with <c>reset</c> drops a STOR (RFC 959 §4.1.3), and IOS
/// <c>ip nat service ftp tcp port 2121</c> makes a control connection on port 2121 inspected (RFC 959 §4.1.2 PORT), and
/// ScreenOS <c>set/unset alg ftp enable</c> turns inspection on and off.
/// </summary>
public sealed class FtpConfigOptionsTests
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

    private const string AsaStrict = AsaHead + """
        policy-map global_policy
         class inspection_default
          inspect ftp strict
        service-policy global_policy global
        """;

    /// <summary>An outside ACL that denies every new connection: only what inspection expects may come in.</summary>
    private const string AsaDenyInbound = AsaHead + """
        access-list OUTSIDE_IN extended deny ip any any
        access-group OUTSIDE_IN in interface outside
        """;

    private const string AsaDenyPut = AsaHead + """
        policy-map type inspect ftp FTPMAP
         match request-command put stou
          reset log
        policy-map global_policy
         class inspection_default
          inspect ftp FTPMAP
        service-policy global_policy global
        """;

    private const string IosServicePort = """
        interface GigabitEthernet0/0
         ip address 203.0.113.1 255.255.255.0
         ip nat outside
        interface GigabitEthernet0/1
         ip address 192.168.1.1 255.255.255.0
         ip nat inside
        access-list 1 permit 192.168.1.0 0.0.0.255
        ip nat inside source list 1 interface GigabitEthernet0/0 overload
        ip nat service ftp tcp port 2121
        """;

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Asa_ftp_strict_rewrites_a_clean_port_and_drops_a_command_pipelined_behind_it(EngineMode mode)
    {
        using var gateway = Load(AsaStrict, mode);
        var control = new Control(gateway, 21);

        Assert.Equal("PORT 203,0,113,1,156,65\r\n", control.Send("PORT 192,168,1,10,156,65\r\n").Payload);
        control.Answer("200 PORT command successful\r\n");
        var pipelined = control.Send("PORT 192,168,1,10,156,66\r\nLIST\r\n");
        Assert.Equal(NatAction.Drop, pipelined.Verdict.Action);
        Assert.Equal(DropReason.AlgPolicyViolation, pipelined.Verdict.Reason);
        Assert.Equal(NatAction.Drop, control.Send("NOOP\r\n").Verdict.Action);
        Assert.Contains("ftp strict", gateway.Nat.Algs!.CountersFor("ftp").LastPolicyDrop, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Asa_request_command_deny_drops_a_stor_and_lets_a_retr_through(EngineMode mode)
    {
        using var gateway = Load(AsaDenyPut, mode);
        var allowed = new Control(gateway, 21);
        Assert.Equal(NatAction.Forward, allowed.Send("RETR file\r\n").Verdict.Action);

        var denied = new Control(gateway, 21, clientPort: 40100);
        var stor = denied.Send("STOR file\r\n");
        Assert.Equal(NatAction.Drop, stor.Verdict.Action);
        Assert.Equal(DropReason.AlgPolicyViolation, stor.Verdict.Reason);
        Assert.Contains("request-command deny", gateway.Nat.Algs!.CountersFor("ftp").LastPolicyDrop, StringComparison.Ordinal);
    }

    /// <summary>ScreenOS turns FTP on by default; <c>unset alg ftp enable</c> turns it off: the switch reaches the ALG
    /// (its control connection is inspected, or not at all).</summary>
    [Theory]
    [InlineData(EngineMode.Interpreter, true)]
    [InlineData(EngineMode.Compiled, true)]
    [InlineData(EngineMode.Interpreter, false)]
    [InlineData(EngineMode.Compiled, false)]
    public void ScreenOs_alg_ftp_switch_turns_inspection_on_and_off(EngineMode mode, bool enabled)
    {
        var config = """
            set hostname ssg5
            set interface ethernet0/0 zone Untrust
            set interface ethernet0/0 ip 203.0.113.1/24
            set interface ethernet0/1 zone Trust
            set interface ethernet0/1 ip 192.168.1.1/24

            """ + (enabled ? string.Empty : "unset alg ftp enable\n");
        using var gateway = Load(config, mode);
        var control = new Control(gateway, 21);

        Assert.True(control.Send("PORT 192,168,1,10,156,65\r\n").Verdict.Action == NatAction.Forward);
        if (enabled)
        {
            Assert.True(gateway.Nat.Algs!.CountersFor("ftp").Inspected > 0);
        }
        else
        {
            Assert.True(gateway.Nat.Algs!.Dispatch(IpProtocol.Tcp, 21) < 0);
        }
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Ios_ip_nat_service_ftp_port_makes_that_port_inspected(EngineMode mode)
    {
        using var gateway = Load(IosServicePort, mode);
        var control = new Control(gateway, 2121);
        Assert.Equal("PORT 203,0,113,1,156,65\r\n", control.Send("PORT 192,168,1,10,156,65\r\n").Payload);
    }

    /// <summary>ASA inspection lets the connection it expects past the interface ACL (Cisco ASA configuration guide,
    /// "Application Layer Protocol Inspection": inspection opens the secondary channel); anything else the ACL denies.</summary>
    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Asa_inspection_admits_the_data_connection_it_expects_past_a_deny_all_acl(EngineMode mode)
    {
        using var gateway = Load(AsaDenyInbound, mode);
        var control = new Control(gateway, 21);
        var port = control.Send("PORT 192,168,1,10,156,65\r\n");
        Assert.Equal(NatAction.Forward, port.Verdict.Action);
        var mappedPort = int.Parse(port.Payload.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture) * 256
            + int.Parse(port.Payload.Split(',')[5].TrimEnd('\r', '\n'), System.Globalization.CultureInfo.InvariantCulture);

        var data = control.Inbound(20, (ushort)mappedPort);
        var stranger = control.Inbound(20, 40999);

        Assert.Equal(NatAction.Forward, data.Verdict.Action);
        Assert.NotEqual(NatAction.Forward, stranger.Verdict.Action);
    }

    private static Gateway Load(string config, EngineMode mode)
    {
        var result = ConfigurationLoader.Load(new SourceText("ftp.cfg", config));
        Assert.NotNull(result.Policy);
        return Gateway.Create(result.Policy, mode);
    }

    /// <summary>A control connection from 192.168.1.10 to 203.0.113.20, handshake done.</summary>
    private sealed class Control
    {
        private readonly Gateway _gateway;
        private readonly ushort _serverPort;
        private readonly ushort _clientPort;
        private uint _clientSequence = 1000;
        private uint _serverSequence = 50000;
        private ushort _mappedPort;
        private uint _mappedAddress;
        private long _now = 1_000_000_000;

        public Control(Gateway gateway, ushort serverPort, ushort clientPort = 40000)
        {
            _gateway = gateway;
            _serverPort = serverPort;
            _clientPort = clientPort;
            var syn = Process(Frame(0xC0A8010A, clientPort, 0xCB007114, serverPort, 0x02, _clientSequence++, 0, []), IngressSide.Inside);
            _mappedPort = syn.SourcePort;
            _mappedAddress = syn.SourceAddress;
            Process(Frame(0xCB007114, serverPort, _mappedAddress, _mappedPort, 0x12, _serverSequence++, _clientSequence, []), IngressSide.Outside);
            Process(Frame(0xC0A8010A, clientPort, 0xCB007114, serverPort, 0x10, _clientSequence, _serverSequence, []), IngressSide.Inside);
            Answer("220 ready\r\n");
        }

        public Sent Send(string text)
        {
            var payload = Encoding.ASCII.GetBytes(text);
            var sent = Process(Frame(0xC0A8010A, _clientPort, 0xCB007114, _serverPort, 0x18, _clientSequence, _serverSequence, payload), IngressSide.Inside);
            _clientSequence += (uint)payload.Length;
            return sent;
        }

        public Sent Answer(string text)
        {
            var payload = Encoding.ASCII.GetBytes(text);
            var sent = Process(Frame(0xCB007114, _serverPort, _mappedAddress, _mappedPort, 0x18, _serverSequence, _clientSequence, payload), IngressSide.Outside);
            _serverSequence += (uint)payload.Length;
            return sent;
        }

        /// <summary>A SYN from the server's address to the client's public address.</summary>
        public Sent Inbound(ushort sourcePort, ushort destinationPort) =>
            Process(Frame(0xCB007114, sourcePort, _mappedAddress, destinationPort, 0x02, 7000, 0, []), IngressSide.Outside);

        private Sent Process(byte[] frame, IngressSide side)
        {
            var buffer = new byte[4096];
            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            var verdict = _gateway.Nat.Process(ref packet, LinkType.Ethernet, _now += 1_000_000, side);
            PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
            return new Sent(verdict, Encoding.ASCII.GetString(packet.Span[info.PayloadOffset..info.PacketEnd]), info.SourceAddress, info.SourcePort);
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

    private readonly record struct Sent(NatVerdict Verdict, string Payload, uint SourceAddress, ushort SourcePort);
}
