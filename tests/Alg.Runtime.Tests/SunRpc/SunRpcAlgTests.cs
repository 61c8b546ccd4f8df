using System.Buffers.Binary;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.SunRpc;

/// <summary>
/// The SunRPC ALG (algs.md §6; RFC 5531, RFC 1833, RFC 5665) on both policy engines. Client inside (192.168.1.10, PAT
/// to 203.0.113.1) and rpcbind outside (203.0.113.20:111); or rpcbind inside (192.168.1.21) with only port 111 TCP and
/// UDP forwarded from 203.0.113.1 and the client outside (203.0.113.20), so only a pinhole reaches any other port.
/// </summary>
public sealed class SunRpcAlgTests
{
    private const ushort Portmap = 111;
    private const ushort ClientPort = 40800;
    private static readonly uint Client = AlgHarness.Client;
    private static readonly uint Server = AlgHarness.Server;
    private static readonly uint OutsideClient = AlgHarness.Server;

    private static AlgHarness ClientInside(params (string Name, AlgOptionValue Value)[] options) =>
        new("sunrpc", Portmap, AlgPolicies.PatEverythingStrict(), default, FtpEngine.Both, options);

    private static AlgHarness ServerInside() =>
        new("sunrpc", Portmap, AlgHarness.ServerInsidePolicy(TransportProtocol.Udp, Portmap, TransportProtocol.Tcp), default, FtpEngine.Both);

    private static SentPacket Ask(AlgHarness gateway, byte[] call, ushort clientPort = ClientPort) =>
        gateway.Udp(Client, clientPort, Server, Portmap, IngressSide.Inside, call);

    private static SentPacket Answer(AlgHarness gateway, byte[] reply, ushort clientPort = ClientPort) =>
        gateway.Udp(Server, Portmap, AlgHarness.Public, clientPort, IngressSide.Outside, reply);

    private static SentPacket AskInside(AlgHarness gateway, byte[] call, uint client = 0) =>
        gateway.Udp(client == 0 ? OutsideClient : client, ClientPort, AlgHarness.PublishedServer, Portmap, IngressSide.Outside, call);

    private static SentPacket AnswerInside(AlgHarness gateway, byte[] reply, uint client = 0) =>
        gateway.Udp(AlgHarness.InsideServer, Portmap, client == 0 ? OutsideClient : client, ClientPort, IngressSide.Inside, reply);

    private static bool Expects(AlgHarness gateway, byte protocol, uint source, uint destination, ushort port, FlowSide side) =>
        gateway.Engine.Expectations.Expects(new FlowKey(source, destination, 41000, port, protocol, side), gateway.Now);

    [Fact]
    public void Getport_reply_opens_the_asked_program_on_the_asked_protocol_only_to_the_replying_server_rfc1833_3_2()
    {
        var gateway = ClientInside();
        Assert.True(Ask(gateway, Rpc.GetPort(0x1001, Rpc.Mount, 3, IpProtocol.Udp)).Forwarded);
        var reply = Answer(gateway, Rpc.GetPortReply(0x1001, 20048));

        Assert.True(reply.Forwarded);
        Assert.Equal(20048u, BinaryPrimitives.ReadUInt32BigEndian(reply.PayloadBytes.AsSpan(24)));
        Assert.True(Expects(gateway, IpProtocol.Udp, Client, Server, 20048, FlowSide.Inside));
        Assert.False(Expects(gateway, IpProtocol.Tcp, Client, Server, 20048, FlowSide.Inside));
        Assert.False(Expects(gateway, IpProtocol.Udp, Client, AlgHarness.Stranger, 20048, FlowSide.Inside));
        Assert.Equal(1, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void Server_inside_getport_lets_only_the_asking_client_reach_the_port_on_that_protocol_rfc1833_3_2()
    {
        var gateway = ServerInside();
        Assert.True(AskInside(gateway, Rpc.GetPort(7, Rpc.Status, 1, IpProtocol.Udp)).Forwarded);
        var reply = AnswerInside(gateway, Rpc.GetPortReply(7, 36912));
        Assert.True(reply.Forwarded);
        var port = (ushort)BinaryPrimitives.ReadUInt32BigEndian(reply.PayloadBytes.AsSpan(24));

        var call = gateway.Udp(OutsideClient, 41000, AlgHarness.PublishedServer, port, IngressSide.Outside);
        Assert.True(call.Forwarded);
        Assert.Equal((AlgHarness.InsideServer, (ushort)36912), (call.Info.DestinationAddress, call.Info.DestinationPort));
        Assert.False(gateway.Udp(AlgHarness.Stranger, 41000, AlgHarness.PublishedServer, port, IngressSide.Outside).Forwarded);
        Assert.False(gateway.Syn(OutsideClient, 41001, AlgHarness.PublishedServer, port, IngressSide.Outside).Forwarded);
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
    }

    [Fact]
    public void Without_the_alg_the_dynamic_port_stays_closed_to_a_client_outside()
    {
        var gateway = ServerInside();
        AskInside(gateway, Rpc.GetPort(7, Rpc.Status, 1, IpProtocol.Udp));
        Assert.False(gateway.Udp(OutsideClient, 41000, AlgHarness.PublishedServer, 36912, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Server_inside_getaddr_over_tcp_rewrites_the_universal_address_its_length_padding_and_record_mark_rfc5665_5_2_3_3()
    {
        var gateway = ServerInside();
        var connection = new ControlConnection(gateway, serverInside: true);
        connection.Connect();
        Assert.True(connection.Send(Rpc.Record(Rpc.GetAddr(21, Rpc.Mount, 3, "tcp"))).Forwarded);

        // "192.168.1.21.80.1" (17 characters, 20 with padding) becomes "203.0.113.1.80.1" (16, no padding).
        var reply = connection.Answer(Rpc.Record(Rpc.GetAddrReply(21, "192.168.1.21.80.1")));

        Assert.True(reply.Forwarded);
        var payload = reply.PayloadBytes;
        Assert.Equal(4 + 24 + 4 + 16, payload.Length);
        Assert.Equal(0x8000_0000u | (24 + 4 + 16), BinaryPrimitives.ReadUInt32BigEndian(payload));
        Assert.Equal("203.0.113.1.80.1", Rpc.ReadString(payload, 28));
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));

        var nfs = gateway.Syn(OutsideClient, 41000, AlgHarness.PublishedServer, 20481, IngressSide.Outside);
        Assert.True(nfs.Forwarded);
        Assert.Equal((AlgHarness.InsideServer, (ushort)20481), (nfs.Info.DestinationAddress, nfs.Info.DestinationPort));
        Assert.False(gateway.Udp(OutsideClient, 41000, AlgHarness.PublishedServer, 20481, IngressSide.Outside).Forwarded);

        // The connection goes on with its sequence numbers shifted by the four bytes removed (RFC 2663 §7.1).
        Assert.True(connection.Send(Rpc.Record(Rpc.GetAddr(22, Rpc.Nfs, 3, "tcp"))).Forwarded);
        var second = connection.Answer(Rpc.Record(Rpc.GetAddrReply(22, "192.168.1.21.8.1")));
        Assert.Equal("203.0.113.1.8.1", Rpc.ReadString(second.PayloadBytes, 28));
        Assert.Equal(Tcp.Sequence(reply.Frame, reply.Info) + (uint)payload.Length, Tcp.Sequence(second.Frame, second.Info));
        Assert.True(PacketBuilder.ChecksumsValid(second.Frame));
    }

    [Fact]
    public void Server_behind_static_nat_gets_its_own_public_address_in_the_universal_address_and_keeps_the_port()
    {
        var policy = TestPolicies.Policy(
            [TestPolicies.Static("192.168.1.21", "203.0.113.21"), TestPolicies.PatOnInterface() with { RealAddresses = [] }],
            TestPolicies.Behavior(filtering: FilteringBehavior.AddressAndPortDependent));
        var gateway = new AlgHarness("sunrpc", Portmap, policy, default, FtpEngine.Both);
        var published = Ip.V4("203.0.113.21");
        Assert.True(gateway.Udp(OutsideClient, ClientPort, published, Portmap, IngressSide.Outside, Rpc.GetAddr(35, Rpc.Status, 1, "udp")).Forwarded);

        var reply = gateway.Udp(AlgHarness.InsideServer, Portmap, OutsideClient, ClientPort, IngressSide.Inside, Rpc.GetAddrReply(35, "192.168.1.21.144.48"));

        Assert.True(reply.Forwarded);
        Assert.Equal("203.0.113.21.144.48", Rpc.ReadString(reply.PayloadBytes, 24));
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
        var status = gateway.Udp(OutsideClient, 41000, published, 36912, IngressSide.Outside);
        Assert.Equal((AlgHarness.InsideServer, (ushort)36912), (status.Info.DestinationAddress, status.Info.DestinationPort));
    }

    [Fact]
    public void Server_inside_getaddrlist_rewrites_and_opens_each_ipv4_tcp_and_udp_entry_rfc1833_2_2_1()
    {
        var gateway = ServerInside();
        AskInside(gateway, Rpc.GetAddr(31, Rpc.Nfs, 3, string.Empty, rpcbVersion: 4, procedure: 11));
        var reply = AnswerInside(gateway, Rpc.GetAddrListReply(31, ("192.168.1.21.8.1", "tcp"), ("192.168.1.21.8.1", "udp"), ("fe80::1.8.1", "tcp6")));

        Assert.True(reply.Forwarded);
        var text = System.Text.Encoding.ASCII.GetString(reply.PayloadBytes);
        Assert.Equal(2, text.Split("203.0.113.1.8.1").Length - 1);
        Assert.Contains("fe80::1.8.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("192.168.1.21", text, StringComparison.Ordinal);
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
        Assert.True(gateway.Syn(OutsideClient, 41000, AlgHarness.PublishedServer, 2049, IngressSide.Outside).Forwarded);
        Assert.True(gateway.Udp(OutsideClient, 41000, AlgHarness.PublishedServer, 2049, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Getaddr_naming_a_third_host_opens_nothing_and_is_left_as_it_is_algs_6_3()
    {
        var gateway = ClientInside();
        Ask(gateway, Rpc.GetAddr(41, Rpc.Nfs, 3, "tcp"));
        var reply = Answer(gateway, Rpc.GetAddrReply(41, "198.51.100.7.8.1"));

        Assert.True(reply.Forwarded);
        Assert.Equal("198.51.100.7.8.1", Rpc.ReadString(reply.PayloadBytes, 24));
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(1, gateway.Counters.PartsRefused);
    }

    [Fact]
    public void A_spoofed_reply_with_another_xid_or_to_another_client_endpoint_opens_nothing_rfc5531_9()
    {
        var gateway = ClientInside();
        Ask(gateway, Rpc.GetPort(51, Rpc.Nfs, 3, IpProtocol.Tcp));
        Ask(gateway, Rpc.Call(1, 100099, 1, 0, []), clientPort: 40801);
        Assert.True(Answer(gateway, Rpc.GetPortReply(52, 2049)).Forwarded);
        Assert.True(Answer(gateway, Rpc.GetPortReply(51, 2049), clientPort: 40801).Forwarded);

        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(2, gateway.Counters.PartsRefused);

        // The real reply still works, once.
        Answer(gateway, Rpc.GetPortReply(51, 2049));
        Assert.Equal(1, gateway.Counters.PinholesOpened);
        Answer(gateway, Rpc.GetPortReply(51, 2049));
        Assert.Equal(1, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void A_reply_after_the_response_timeout_opens_nothing()
    {
        var gateway = ClientInside();
        Ask(gateway, Rpc.GetPort(61, Rpc.Nfs, 3, IpProtocol.Tcp));
        gateway.Advance(61 * NatTimeouts.Second);
        Answer(gateway, Rpc.GetPortReply(61, 2049));
        Assert.Equal(0, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void A_dump_listing_many_programs_opens_nothing_algs_6_3()
    {
        var gateway = ClientInside();
        Ask(gateway, Rpc.Dump(71));
        var entries = Enumerable.Range(0, 200).Select(i => (100000u + (uint)i, 1u, i % 2 == 0 ? 6u : 17u, 30000u + (uint)i)).ToArray();
        Assert.True(Answer(gateway, Rpc.DumpReply(71, entries)).Forwarded);

        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(0, gateway.Counters.Malformed);
    }

    [Fact]
    public void Oversized_xdr_an_endless_dump_and_truncated_results_open_nothing_and_throw_nothing_rfc4506_4_11()
    {
        var gateway = ClientInside();
        Ask(gateway, Rpc.GetAddr(91, Rpc.Nfs, 3, "tcp"));
        Assert.True(Answer(gateway, Rpc.GetAddrReply(91, new string('1', 300))).Forwarded);
        Ask(gateway, Rpc.Dump(92));
        Assert.True(Answer(gateway, Rpc.DumpReply(92, [.. Enumerable.Range(0, 1100).Select(i => (100000u, 2u, 6u, (uint)i))])).Forwarded);
        Ask(gateway, Rpc.GetPort(93, Rpc.Nfs, 3, IpProtocol.Tcp));
        Assert.True(Answer(gateway, Rpc.GetPortReply(93, 2049)[..^2]).Forwarded);
        Ask(gateway, Rpc.GetAddr(94, Rpc.Nfs, 3, "tcp"));
        var lying = Rpc.GetAddrReply(94, "203.0.113.20.8.1");
        lying[27] = 200;
        Assert.True(Answer(gateway, lying).Forwarded);

        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(4, gateway.Counters.Malformed);
        Assert.Equal(0, gateway.Counters.Failures);
    }

    [Fact]
    public void Getport_answered_with_port_zero_opens_nothing_and_a_reserved_port_opens_rfc1833_3_2()
    {
        var gateway = ClientInside();
        Ask(gateway, Rpc.GetPort(81, 100232, 10, IpProtocol.Udp));
        Answer(gateway, Rpc.GetPortReply(81, 0));
        Assert.Equal(0, gateway.Counters.PinholesOpened);

        // mountd on a reserved port: the descriptor allows it (PinholesToPrivilegedPorts), to the replying server only.
        Ask(gateway, Rpc.GetPort(82, Rpc.Mount, 1, IpProtocol.Udp));
        Answer(gateway, Rpc.GetPortReply(82, 635));
        Assert.True(Expects(gateway, IpProtocol.Udp, Client, Server, 635, FlowSide.Inside));
    }

    [Fact]
    public void Callit_reply_opens_the_called_programs_port_on_the_calls_transport_rfc1833_3_2()
    {
        var gateway = ClientInside();
        Ask(gateway, Rpc.CallIt(91, Rpc.Status, 1));
        Answer(gateway, Rpc.CallItReply(91, 36912));
        Assert.True(Expects(gateway, IpProtocol.Udp, Client, Server, 36912, FlowSide.Inside));
        Assert.False(Expects(gateway, IpProtocol.Tcp, Client, Server, 36912, FlowSide.Inside));
    }

    [Fact]
    public void Two_records_in_one_segment_and_a_reply_split_over_segments_are_all_read_rfc5531_11()
    {
        var gateway = new AlgHarness("sunrpc", Portmap, false, default, FtpEngine.Both);
        var connection = new ControlConnection(gateway);
        connection.Connect();
        connection.Send(Rpc.Concat(Rpc.Record(Rpc.GetPort(101, Rpc.Nfs, 3, IpProtocol.Tcp)), Rpc.Record(Rpc.GetPort(102, Rpc.Mount, 3, IpProtocol.Udp))));
        var replies = Rpc.Concat(Rpc.Record(Rpc.GetPortReply(101, 2049)), Rpc.Record(Rpc.GetPortReply(102, 20048)));

        Assert.True(connection.Answer(replies[..30]).Forwarded);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.True(connection.Answer(replies[30..]).Forwarded);

        Assert.Equal(2, gateway.Counters.PinholesOpened);
        Assert.True(Expects(gateway, IpProtocol.Tcp, Client, Server, 2049, FlowSide.Inside));
        Assert.True(Expects(gateway, IpProtocol.Udp, Client, Server, 20048, FlowSide.Inside));
    }

    [Fact]
    public void A_reply_in_several_fragments_has_the_fragment_holding_the_address_remarked_rfc5531_11()
    {
        var gateway = ServerInside();
        var connection = new ControlConnection(gateway, serverInside: true);
        connection.Connect();
        connection.Send(Rpc.Record(Rpc.GetAddr(111, Rpc.Mount, 3, "udp")));
        var reply = connection.Answer(Rpc.Fragments(Rpc.GetAddrReply(111, "192.168.1.21.80.1"), 12));

        var payload = reply.PayloadBytes;
        Assert.Equal(12u, BinaryPrimitives.ReadUInt32BigEndian(payload));
        Assert.Equal(0x8000_0000u | (12 + 4 + 16), BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(16)));
        Assert.Equal("203.0.113.1.80.1", Rpc.ReadString(payload, 32));
        Assert.Equal(4 + 12 + 4 + 12 + 4 + 16, payload.Length);
        Assert.True(gateway.Udp(OutsideClient, 41000, AlgHarness.PublishedServer, 20481, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void A_reply_from_the_server_inside_split_over_segments_is_held_and_rewritten_whole()
    {
        var gateway = ServerInside();
        var connection = new ControlConnection(gateway, serverInside: true);
        connection.Connect();
        connection.Send(Rpc.Record(Rpc.GetAddr(121, Rpc.Mount, 3, "tcp")));
        var reply = Rpc.Record(Rpc.GetAddrReply(121, "192.168.1.21.80.1"));

        var first = connection.Answer(reply[..20]);
        var second = connection.Answer(reply[20..]);

        Assert.True(second.Forwarded);
        var sent = first.Forwarded ? first.PayloadBytes.Concat(second.PayloadBytes).ToArray() : second.PayloadBytes;
        Assert.Equal("203.0.113.1.80.1", Rpc.ReadString(sent, 28));
        Assert.Equal(0x8000_0000u | (24 + 4 + 16), BinaryPrimitives.ReadUInt32BigEndian(sent));
        Assert.True(gateway.Syn(OutsideClient, 41000, AlgHarness.PublishedServer, 20481, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Bytes_that_are_not_rpc_end_inspection_of_the_connection()
    {
        var gateway = new AlgHarness("sunrpc", Portmap, false, default, FtpEngine.Both);
        var connection = new ControlConnection(gateway);
        connection.Connect();
        Assert.True(connection.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").Forwarded);
        Assert.Equal(1, gateway.Counters.Malformed);
        connection.Send(Rpc.Record(Rpc.GetPort(131, Rpc.Nfs, 3, IpProtocol.Tcp)));
        connection.Answer(Rpc.Record(Rpc.GetPortReply(131, 2049)));
        Assert.Equal(0, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void The_pinhole_lasts_the_map_entry_timeout_junos_and_the_asa_timeout_sunrpc()
    {
        var junos = ClientInside(("map-entry-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Integer, 5)));
        Ask(junos, Rpc.GetPort(141, Rpc.Nfs, 3, IpProtocol.Tcp));
        Answer(junos, Rpc.GetPortReply(141, 2049));
        junos.Advance(4 * 60 * NatTimeouts.Second);
        Assert.True(Expects(junos, IpProtocol.Tcp, Client, Server, 2049, FlowSide.Inside));
        junos.Advance(2 * 60 * NatTimeouts.Second);
        Assert.False(Expects(junos, IpProtocol.Tcp, Client, Server, 2049, FlowSide.Inside));

        var asa = ClientInside(("pinhole-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, 60)));
        Ask(asa, Rpc.GetPort(142, Rpc.Nfs, 3, IpProtocol.Tcp));
        Answer(asa, Rpc.GetPortReply(142, 2049));
        asa.Advance(59 * NatTimeouts.Second);
        Assert.True(Expects(asa, IpProtocol.Tcp, Client, Server, 2049, FlowSide.Inside));
        asa.Advance(2 * NatTimeouts.Second);
        Assert.False(Expects(asa, IpProtocol.Tcp, Client, Server, 2049, FlowSide.Inside));
    }

    [Fact]
    public void Getport_call_and_reply_allocate_nothing_per_message()
    {
        var gateway = ClientInside();
        var call = PacketBuilder.Udp(Client, ClientPort, Server, Portmap, Rpc.GetPort(151, Rpc.Nfs, 3, IpProtocol.Tcp));
        var reply = PacketBuilder.Udp(Server, Portmap, AlgHarness.Public, ClientPort, Rpc.GetPortReply(151, 2049));
        Ask(gateway, Rpc.GetPort(150, Rpc.Nfs, 3, IpProtocol.Tcp));
        var buffer = new byte[2048];
        var engine = gateway.Engine;
        var now = gateway.Now;
        void Send(byte[] frame, IngressSide side)
        {
            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            engine.Process(ref packet, LinkType.Ethernet, now += 1000, side);
        }

        var opened = gateway.Counters.PinholesOpened;
        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                Send(call, IngressSide.Inside);
                Send(reply, IngressSide.Outside);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(gateway.Counters.PinholesOpened > opened + 200);
    }
}
