using System.Buffers.Binary;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.MsRpc;

/// <summary>
/// The MS-RPC ALG (algs.md §5; C706, [MS-RPCE] 2.2.1.2) on both policy engines: client inside (192.168.1.10, PAT to
/// 203.0.113.1) and the endpoint mapper outside (203.0.113.20:135); or the mapper inside (192.168.1.21) with only 135
/// forwarded from 203.0.113.1 and the client outside, so only a pinhole reaches the returned port.
/// </summary>
public sealed class MsRpcAlgTests
{
    private const ushort Mapper = 135;
    private static readonly uint Client = AlgHarness.Client;
    private static readonly uint Server = AlgHarness.Server;

    private static AlgHarness ClientInside(params (string Name, AlgOptionValue Value)[] options) =>
        new("msrpc", Mapper, AlgPolicies.PatEverythingStrict(), default, FtpEngine.Both, options);

    private static AlgHarness ServerInside() =>
        new("msrpc", Mapper, AlgHarness.ServerInsidePolicy(TransportProtocol.Tcp, Mapper, TransportProtocol.Udp), default, FtpEngine.Both);

    private static bool Expects(AlgHarness gateway, byte protocol, uint source, uint destination, ushort port, FlowSide side) =>
        gateway.Engine.Expectations.Expects(new FlowKey(source, destination, 41000, port, protocol, side), gateway.Now);

    /// <summary>Bind to the endpoint mapper (context 0) and have it accepted, then send an ept_map request (call 2).</summary>
    private static ControlConnection Bound(AlgHarness gateway, bool serverInside = false, bool littleEndian = true, byte[]? mapRequest = null)
    {
        var connection = new ControlConnection(gateway, serverInside);
        connection.Connect();
        Assert.True(connection.Send(Dce.Bind(1, littleEndian, (0, Dce.Epm))).Forwarded);
        Assert.True(connection.Answer(Dce.BindAck(1, littleEndian, true)).Forwarded);
        var stub = mapRequest ?? (littleEndian ? Dce.Stub("map-request") : Dce.MapRequestStub(Dce.Svcctl, 0x07, false));
        Assert.True(connection.Send(Dce.Request(2, 0, 3, stub, littleEndian)).Forwarded);
        return connection;
    }

    [Fact]
    public void Ept_map_response_opens_the_returned_tcp_port_only_to_the_replying_server_ms_rpce_2_2_1_2()
    {
        var gateway = ClientInside();
        var connection = Bound(gateway);

        var reply = connection.Answer(Dce.Response(2, 0, Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Server))));

        Assert.True(reply.Forwarded);
        Assert.True(Expects(gateway, IpProtocol.Tcp, Client, Server, 49683, FlowSide.Inside));
        Assert.False(Expects(gateway, IpProtocol.Udp, Client, Server, 49683, FlowSide.Inside));
        Assert.False(Expects(gateway, IpProtocol.Tcp, Client, AlgHarness.Stranger, 49683, FlowSide.Inside));
        Assert.Equal(1, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void Server_inside_ept_map_tower_address_and_port_are_rewritten_in_place_and_only_the_client_gets_in_c706_appendix_l()
    {
        var gateway = ServerInside();
        var connection = Bound(gateway, serverInside: true);

        // impacket's encoding of SVCCTL on TCP 49683 at 192.168.1.21 (tests/data/msrpc/make-epm-stubs.py).
        var stub = Dce.Stub("map-response");
        var reply = connection.Answer(Dce.Response(2, 0, stub));

        Assert.True(reply.Forwarded);
        Assert.Equal(Dce.Response(2, 0, stub).Length, reply.PayloadBytes.Length);
        var payload = reply.PayloadBytes;
        var ip = payload.AsSpan().IndexOf(new byte[] { 0x01, 0x00, 0x09, 0x04, 0x00 });
        Assert.True(ip > 0);
        Assert.Equal(AlgHarness.PublishedServer, BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(ip + 5)));
        var port = BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(ip - 2));
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));

        var service = gateway.Syn(Server, 41000, AlgHarness.PublishedServer, port, IngressSide.Outside);
        Assert.True(service.Forwarded);
        Assert.Equal((AlgHarness.InsideServer, (ushort)49683), (service.Info.DestinationAddress, service.Info.DestinationPort));
        Assert.False(gateway.Syn(AlgHarness.Stranger, 41000, AlgHarness.PublishedServer, port, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Server_behind_static_nat_gets_its_own_public_address_in_the_tower_and_keeps_the_port()
    {
        var policy = TestPolicies.Policy(
            [TestPolicies.Static("192.168.1.21", "203.0.113.21"), TestPolicies.PatOnInterface() with { RealAddresses = [] }],
            TestPolicies.Behavior(filtering: FilteringBehavior.AddressAndPortDependent));
        var gateway = new AlgHarness("msrpc", Mapper, policy, default, FtpEngine.Both);
        var published = Ip.V4("203.0.113.21");
        var client = gateway.Syn(Server, 40000, published, Mapper, IngressSide.Outside);
        Assert.True(client.Forwarded);
        var sequence = 7001u;
        var serverSequence = 90001u;
        gateway.Send(PacketBuilder.Tcp(AlgHarness.InsideServer, Mapper, Server, 40000, TcpFlags.Syn | TcpFlags.Ack, 90000, 7001), IngressSide.Inside);
        SentPacket FromClient(byte[] payload)
        {
            var sent = gateway.Send(PacketBuilder.Tcp(Server, 40000, published, Mapper, TcpFlags.Ack | TcpFlags.Psh, sequence, serverSequence, payload), IngressSide.Outside);
            sequence += (uint)payload.Length;
            return sent;
        }

        SentPacket FromServer(byte[] payload)
        {
            var sent = gateway.Send(PacketBuilder.Tcp(AlgHarness.InsideServer, Mapper, Server, 40000, TcpFlags.Ack | TcpFlags.Psh, serverSequence, sequence, payload), IngressSide.Inside);
            serverSequence += (uint)payload.Length;
            return sent;
        }

        FromClient(Dce.Bind(1, true, (0, Dce.Epm)));
        FromServer(Dce.BindAck(1, true, true));
        FromClient(Dce.Request(2, 0, 3, Dce.Stub("map-request")));
        var reply = FromServer(Dce.Response(2, 0, Dce.Stub("map-response")));

        var payload = reply.PayloadBytes;
        var ip = payload.AsSpan().IndexOf(new byte[] { 0x01, 0x00, 0x09, 0x04, 0x00 });
        Assert.Equal(published, BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(ip + 5)));
        Assert.Equal(49683, BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(ip - 2)));
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
    }

    /// <summary>Windows' own bind, ept_map and NDR64 response (suricata-verify bug-5133, frames 1-4), replayed with the
    /// server inside: its tower's address (made the inside server's) becomes the public one, the port is kept.</summary>
    [Fact]
    public void A_windows_ndr64_ept_map_from_a_server_inside_is_rewritten_ms_rpce_2_2_5()
    {
        var payloads = new List<byte[]>();
        using (var reader = Alg.Runtime.Capture.CaptureReader.Open(Corpus.FilePath("OISF_suricata-verify__bug-5133__input.pcap")))
        {
            while (payloads.Count < 4 && reader.TryRead(out var record))
            {
                PacketDecoder.Decode(record.Data, record.LinkType, out var info);
                payloads.Add(record.Data.Slice(info.PayloadOffset, info.PayloadLength).ToArray());
            }
        }

        var response = payloads[3];
        var at = response.AsSpan().IndexOf(new byte[] { 0x09, 0x04, 0x00, 172, 16, 66, 36 });
        new byte[] { 192, 168, 1, 21 }.CopyTo(response, at + 3);
        var gateway = ServerInside();
        var connection = new ControlConnection(gateway, serverInside: true);
        connection.Connect();
        connection.Send(payloads[0]);
        connection.Answer(payloads[1]);
        connection.Send(payloads[2]);
        var reply = connection.Answer(response);

        Assert.Equal(AlgHarness.PublishedServer, BinaryPrimitives.ReadUInt32BigEndian(reply.PayloadBytes.AsSpan(at + 3)));
        Assert.Equal(49683, BinaryPrimitives.ReadUInt16BigEndian(reply.PayloadBytes.AsSpan(at - 4)));
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
        Assert.True(gateway.Syn(Server, 41000, AlgHarness.PublishedServer, 49683, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Without_a_tower_the_dynamic_port_of_a_server_inside_stays_closed()
    {
        var gateway = ServerInside();
        Bound(gateway, serverInside: true);
        Assert.False(gateway.Syn(Server, 41000, AlgHarness.PublishedServer, 49683, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void A_big_endian_data_representation_is_honoured_and_the_tower_keeps_its_own_byte_orders_c706_14_2()
    {
        var gateway = ClientInside();
        var connection = Bound(gateway, littleEndian: false);
        connection.Answer(Dce.Response(2, 0, Dce.MapResponseStub(false, Dce.Tower(Dce.Svcctl, 0x07, 49683, Server)), littleEndian: false));
        Assert.True(Expects(gateway, IpProtocol.Tcp, Client, Server, 49683, FlowSide.Inside));
    }

    [Fact]
    public void A_fragmented_response_with_an_auth_trailer_is_read_when_its_last_fragment_arrives_c706_12_6_3_1()
    {
        var gateway = ClientInside();
        var connection = Bound(gateway);
        var stub = Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Server));
        var fragments = Dce.FragmentedResponse(2, 0, stub, 40);
        var first = Dce.Response(2, 0, stub[..40], flags: 1, authLength: 16);

        Assert.True(connection.Answer(first).Forwarded);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        var rest = fragments[(16 + 8 + 40)..];
        Assert.True(connection.Answer(rest).Forwarded);
        Assert.Equal(1, gateway.Counters.PinholesOpened);
        Assert.True(Expects(gateway, IpProtocol.Tcp, Client, Server, 49683, FlowSide.Inside));
    }

    [Fact]
    public void A_server_inside_tower_in_a_later_fragment_is_rewritten_in_that_fragment()
    {
        var gateway = ServerInside();
        var connection = Bound(gateway, serverInside: true);
        var stub = Dce.Stub("map-response");

        // The tower's floors 4 and 5 lie in the second fragment.
        var reply = connection.Answer(Dce.FragmentedResponse(2, 0, stub, 64));

        Assert.True(reply.Forwarded);
        var payload = reply.PayloadBytes;
        var ip = payload.AsSpan().IndexOf(new byte[] { 0x01, 0x00, 0x09, 0x04, 0x00 });
        Assert.Equal(AlgHarness.PublishedServer, BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(ip + 5)));
        Assert.True(gateway.Syn(Server, 41000, AlgHarness.PublishedServer, BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(ip - 2)), IngressSide.Outside).Forwarded);
    }

    /// <summary>Samba's ept_lookup listing (rpcdump) is about 5 KB: two DCE fragments over four TCP segments, far more
    /// than a gateway can hold back. Every tower naming the server inside must still reach the client with the public
    /// address (algs.md §0.1: a private address never leaves) — translated as it passes, with only the tower cut by a
    /// segment boundary held back until its rest arrives.</summary>
    [Theory]
    [InlineData(1448)]
    [InlineData(1000)]
    [InlineData(97)]
    public void A_long_ept_lookup_listing_from_a_server_inside_is_translated_segment_by_segment_c706_appendix_o(int segment)
    {
        var gateway = ServerInside();
        var connection = new ControlConnection(gateway, serverInside: true);
        connection.Connect();
        connection.Send(Dce.Bind(1, true, (0, Dce.Epm)));
        connection.Answer(Dce.BindAck(1, true, true));
        var request = Dce.Concat(Dce.U32(0, true), Dce.U32(0, true), Dce.U32(0, true), Dce.U32(0, true), new byte[20], Dce.U32(500, true));
        connection.Send(Dce.Request(2, 0, 2, request));
        var entries = Enumerable.Range(0, 48)
            .Select(i => ($"Samba endpoint {i}", Dce.Tower(i % 2 == 0 ? Dce.Lsarpc : Dce.Svcctl, (byte)(i % 3 == 0 ? 0x08 : 0x07), (ushort)(49152 + i), AlgHarness.InsideServer)))
            .ToArray();
        var stub = Dce.LookupResponseStub(true, entries);
        Assert.True(stub.Length > 4000);
        var reply = Dce.FragmentedResponse(2, 0, stub, 4256);

        var received = new List<byte>();
        for (var offset = 0; offset < reply.Length; offset += segment)
        {
            var sent = connection.Answer(reply[offset..Math.Min(reply.Length, offset + segment)]);
            Assert.True(sent.Forwarded);
            Assert.True(PacketBuilder.ChecksumsValid(sent.Frame));
            received.AddRange(sent.PayloadBytes);
        }

        Assert.Equal(reply.Length, received.Count);
        var bytes = received.ToArray();
        var insideAddress = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(insideAddress, AlgHarness.InsideServer);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(insideAddress));
        var published = new byte[9];
        new byte[] { 0x01, 0x00, 0x09, 0x04, 0x00 }.CopyTo(published, 0);
        BinaryPrimitives.WriteUInt32BigEndian(published.AsSpan(5), AlgHarness.PublishedServer);
        Assert.Equal(entries.Length, Count(bytes, published));
        Assert.Equal(0, gateway.Counters.Malformed);
    }

    /// <summary>The peer re-sends from its own untranslated bytes: a retransmission of a reply already sent translated
    /// (a tail loss probe, or a copy lost after the gateway) must leave with the same translation (algs.md §0.1).</summary>
    [Fact]
    public void A_retransmitted_reply_segment_leaves_translated_as_its_first_copy_rfc_9293_3_10_7_4()
    {
        var gateway = ServerInside();
        var connection = Bound(gateway, serverInside: true);
        var reply = Dce.Response(2, 0, Dce.Stub("map-response"));
        var first = connection.Answer(reply);
        var retransmitted = connection.AnswerRetransmission(reply);
        var partial = connection.AnswerRetransmission(reply, 30);

        Assert.True(retransmitted.Forwarded);
        Assert.Equal(first.PayloadBytes, retransmitted.PayloadBytes);
        Assert.Equal(first.PayloadBytes[30..], partial.PayloadBytes);
        Assert.True(PacketBuilder.ChecksumsValid(retransmitted.Frame));
        Assert.True(PacketBuilder.ChecksumsValid(partial.Frame));
        Assert.Equal(2, gateway.Counters.RetransmissionsRetranslated);
    }

    private static int Count(byte[] haystack, byte[] needle)
    {
        var count = 0;
        for (var at = haystack.AsSpan().IndexOf(needle); at >= 0; count++)
        {
            var next = haystack.AsSpan(at + 1).IndexOf(needle);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return count;
    }

    public static TheoryData<string, uint, ushort, byte> RefusedTowers() => new()
    {
        { "a third host", Ip.V4("198.51.100.7"), 49683, 0x07 },
        { "port 0", AlgHarness.Server, 0, 0x07 },
        { "a port below 1024", AlgHarness.Server, 445, 0x07 },
        { "another protocol than asked", AlgHarness.Server, 49683, 0x08 },
    };

    [Theory]
    [MemberData(nameof(RefusedTowers))]
    public void A_tower_naming_another_host_port_zero_a_low_port_or_another_protocol_opens_nothing_algs_5_2(string shape, uint address, ushort port, byte transport)
    {
        var gateway = ClientInside();
        var connection = Bound(gateway);
        Assert.True(connection.Answer(Dce.Response(2, 0, Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, transport, port, address)))).Forwarded, shape);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(1, gateway.Counters.PartsRefused);
    }

    [Fact]
    public void A_tower_for_an_interface_not_asked_for_opens_nothing()
    {
        var gateway = ClientInside();
        var connection = Bound(gateway);
        connection.Answer(Dce.Response(2, 0, Dce.MapResponseStub(true, Dce.Tower(Dce.Lsarpc, 0x07, 49683, Server))));
        Assert.Equal(0, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void Only_contexts_the_server_accepted_for_the_endpoint_mapper_are_read_c706_12_6_4_4()
    {
        var gateway = ClientInside();
        var connection = new ControlConnection(gateway);
        connection.Connect();
        connection.Send(Dce.Bind(1, true, (0, Dce.Epm), (1, Dce.Svcctl)));
        connection.Answer(Dce.BindAck(1, true, false, true));
        var tower = Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Server));

        // Context 0 (EPM) was rejected, context 1 is SVCCTL: an opnum 3 on either is not ept_map.
        connection.Send(Dce.Request(2, 0, 3, Dce.Stub("map-request")));
        connection.Answer(Dce.Response(2, 0, tower));
        connection.Send(Dce.Request(3, 1, 3, Dce.Stub("map-request")));
        connection.Answer(Dce.Response(3, 1, tower));

        Assert.Equal(0, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void A_response_to_another_call_id_opens_nothing()
    {
        var gateway = ClientInside();
        var connection = Bound(gateway);
        connection.Answer(Dce.Response(7, 0, Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Server))));
        Assert.Equal(0, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void Epm_service_only_drops_a_bind_to_another_interface_on_the_mappers_port_asa_dcerpc_map()
    {
        var gateway = ClientInside(("epm-service-only", AlgOptionValue.FromBoolean(true)));
        var connection = new ControlConnection(gateway);
        connection.Connect();
        Assert.False(connection.Send(Dce.Bind(1, true, (0, Dce.Svcctl))).Forwarded);
        Assert.Equal(1, gateway.Counters.PolicyDrops);

        var other = new ControlConnection(gateway, clientPort: 40001);
        other.Connect();
        Assert.True(other.Send(Dce.Bind(1, true, (0, Dce.Epm))).Forwarded);
    }

    [Fact]
    public void Ept_lookup_answers_open_pinholes_only_with_lookup_operation_asa_dcerpc_map()
    {
        foreach (var lookup in new[] { false, true })
        {
            var gateway = ServerInsideWith(("lookup-operation", AlgOptionValue.FromBoolean(lookup)));
            var connection = new ControlConnection(gateway, serverInside: true);
            connection.Connect();
            connection.Send(Dce.Bind(1, true, (0, Dce.Epm)));
            connection.Answer(Dce.BindAck(1, true, true));
            var request = Dce.Concat(Dce.U32(0, true), Dce.U32(0, true), Dce.U32(0, true), Dce.U32(0, true), new byte[20], Dce.U32(500, true));
            connection.Send(Dce.Request(2, 0, 2, request));
            var reply = connection.Answer(Dce.Response(2, 0, Dce.Stub("lookup-response")));

            Assert.True(reply.Forwarded);
            Assert.Equal(lookup ? 2 : 0, gateway.Counters.PinholesOpened);
            Assert.Equal(lookup, gateway.Syn(Server, 41000, AlgHarness.PublishedServer, 49683, IngressSide.Outside).Forwarded);
            Assert.Equal(lookup, gateway.Udp(Server, 41000, AlgHarness.PublishedServer, 49700, IngressSide.Outside).Forwarded);
        }
    }

    private static AlgHarness ServerInsideWith(params (string Name, AlgOptionValue Value)[] options) =>
        new("msrpc", Mapper, AlgHarness.ServerInsidePolicy(TransportProtocol.Tcp, Mapper, TransportProtocol.Udp), default, FtpEngine.Both, options);

    [Fact]
    public void Connectionless_ept_map_over_udp_opens_the_returned_udp_port_c706_12_5()
    {
        var gateway = ClientInside();
        var activity = Guid.NewGuid();
        var request = Dce.Datagram(0, activity, 5, 3, Dce.MapRequestStub(Dce.Lsarpc, 0x08, true));
        Assert.True(gateway.Udp(Client, 40500, Server, Mapper, IngressSide.Inside, request).Forwarded);
        var response = Dce.Datagram(2, activity, 5, 3, Dce.MapResponseStub(true, Dce.Tower(Dce.Lsarpc, 0x08, 49700, Server)));
        Assert.True(gateway.Udp(Server, Mapper, AlgHarness.Public, 40500, IngressSide.Outside, response).Forwarded);

        Assert.True(Expects(gateway, IpProtocol.Udp, Client, Server, 49700, FlowSide.Inside));
        Assert.False(Expects(gateway, IpProtocol.Tcp, Client, Server, 49700, FlowSide.Inside));
    }

    [Fact]
    public void A_dcom_activation_reply_opens_its_ip_string_binding_and_refuses_names_ms_dcom_2_2_19_3()
    {
        var gateway = ClientInside();
        var connection = new ControlConnection(gateway);
        connection.Connect();
        connection.Send(Dce.Bind(1, true, (0, Dce.Activator)));
        connection.Answer(Dce.BindAck(1, true, true));
        connection.Send(Dce.Request(2, 0, 4, new byte[64]));
        var bindings = Dce.Concat(new byte[] { 0x33, 0x00, 0x1D, 0x00 }, Dce.Utf16Binding("SERVER[49718]"), Dce.Utf16Binding("203.0.113.20[49718]"), Dce.Utf16Binding("198.51.100.7[49719]"), new byte[] { 0, 0 });
        connection.Answer(Dce.Response(2, 0, Dce.Concat(new byte[40], bindings, new byte[8])));

        Assert.True(Expects(gateway, IpProtocol.Tcp, Client, Server, 49718, FlowSide.Inside));
        Assert.False(Expects(gateway, IpProtocol.Tcp, Client, Ip.V4("198.51.100.7"), 49719, FlowSide.Inside));
        Assert.Equal(1, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void Bytes_that_are_not_dce_rpc_end_inspection_of_the_connection()
    {
        var gateway = ClientInside();
        var connection = new ControlConnection(gateway);
        connection.Connect();
        Assert.True(connection.Send("GET / HTTP/1.1\r\n\r\n").Forwarded);
        Assert.Equal(1, gateway.Counters.Malformed);
    }

    [Fact]
    public void An_ept_map_exchange_allocates_nothing_per_message()
    {
        var gateway = ClientInside();
        var connection = Bound(gateway);
        connection.Answer(Dce.Response(2, 0, Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Server))));
        var exchange = connection.SteadyExchange(Dce.Request(2, 0, 3, Dce.Stub("map-request")), Dce.Response(2, 0, Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Server))));
        var opened = gateway.Counters.PinholesOpened;

        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                exchange();
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(gateway.Counters.PinholesOpened > opened + 200);
    }
}
