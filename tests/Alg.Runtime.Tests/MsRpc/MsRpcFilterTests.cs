using System.Buffers.Binary;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.MsRpc;

namespace Alg.Runtime.Tests.MsRpc;

/// <summary>
/// The MS-RPC ALG's UUID filter (Junos application <c>uuid</c>, ScreenOS <c>ms-rpc uuid</c> services and the predefined
/// MS-RPC services: policies permit by interface UUID, algs.md §5.2) on both policy engines: a tower for an interface
/// the policies do not let this client reach opens nothing and is counted ([MS-RPCE] 2.2.1.2 floor 1 names the
/// interface); with no filter for the client's side every interface opens as before.
/// </summary>
public sealed class MsRpcFilterTests
{
    private const ushort Mapper = 135;
    private static readonly uint Client = AlgHarness.Client;
    private static readonly uint Server = AlgHarness.Server;

    private static (string, AlgOptionValue) Uuids(string option, params Guid[] uuids) => (option, AlgOptionValue.FromList(uuids.Select(u => u.ToString("D"))));

    private static AlgHarness ClientInside(params (string Name, AlgOptionValue Value)[] options) =>
        new("msrpc", Mapper, AlgPolicies.PatEverythingStrict(), default, FtpEngine.Both, options);

    private static bool Expects(AlgHarness gateway, ushort port) =>
        gateway.Engine.Expectations.Expects(new FlowKey(Client, Server, 41000, port, IpProtocol.Tcp, FlowSide.Inside), gateway.Now);

    /// <summary>Bind the endpoint mapper, ask ept_map for SVCCTL over TCP (impacket's request) and answer with a tower.</summary>
    private static void MapSvcctl(AlgHarness gateway, ushort clientPort = 40000)
    {
        var connection = new ControlConnection(gateway, clientPort: clientPort);
        connection.Connect();
        connection.Send(Dce.Bind(1, true, (0, Dce.Epm)));
        connection.Answer(Dce.BindAck(1, true, true));
        connection.Send(Dce.Request(2, 0, 3, Dce.Stub("map-request")));
        Assert.True(connection.Answer(Dce.Response(2, 0, Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Server)))).Forwarded);
    }

    [Fact]
    public void A_tower_for_an_interface_outside_the_clients_filter_opens_nothing_ms_rpce_2_2_1_2()
    {
        var gateway = ClientInside(Uuids(MsRpcAlgDescriptor.UuidsFromInside, Dce.Lsarpc));

        MapSvcctl(gateway);

        Assert.False(Expects(gateway, 49683));
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(1, gateway.Counters.PartsRefused);
        Assert.Contains("interface UUID no policy permits", gateway.Counters.LastPartRefused, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tower_for_a_permitted_interface_opens_and_a_filter_for_the_other_side_changes_nothing()
    {
        var permitted = ClientInside(Uuids(MsRpcAlgDescriptor.UuidsFromInside, Dce.Lsarpc, Dce.Svcctl));
        MapSvcctl(permitted);
        Assert.True(Expects(permitted, 49683));

        var otherSide = ClientInside(Uuids(MsRpcAlgDescriptor.UuidsFromOutside, Dce.Lsarpc));
        MapSvcctl(otherSide);
        Assert.True(Expects(otherSide, 49683));
        Assert.Equal(0, otherSide.Counters.PartsRefused);
    }

    [Fact]
    public void Server_inside_a_refused_tower_keeps_no_private_address_c706_appendix_l()
    {
        var gateway = new AlgHarness(
            "msrpc", Mapper, AlgHarness.ServerInsidePolicy(TransportProtocol.Tcp, Mapper, TransportProtocol.Udp), default, FtpEngine.Both,
            Uuids(MsRpcAlgDescriptor.UuidsFromOutside, Dce.Lsarpc));
        var connection = new ControlConnection(gateway, serverInside: true);
        connection.Connect();
        connection.Send(Dce.Bind(1, true, (0, Dce.Epm)));
        connection.Answer(Dce.BindAck(1, true, true));
        connection.Send(Dce.Request(2, 0, 3, Dce.Stub("map-request")));

        // impacket's encoding of SVCCTL on TCP 49683 at 192.168.1.21 (tests/data/msrpc/make-epm-stubs.py).
        var reply = connection.Answer(Dce.Response(2, 0, Dce.Stub("map-response")));

        var payload = reply.PayloadBytes;
        var ip = payload.AsSpan().IndexOf(new byte[] { 0x01, 0x00, 0x09, 0x04, 0x00 });
        Assert.Equal(AlgHarness.PublishedServer, BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(ip + 5)));
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.False(gateway.Syn(Server, 41000, AlgHarness.PublishedServer, 49683, IngressSide.Outside).Forwarded);
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
    }

    [Fact]
    public void Dcom_string_bindings_open_only_when_the_filter_permits_dcom_activation_ms_dcom_2_2_19_3()
    {
        foreach (var activation in new[] { false, true })
        {
            var permitted = activation ? new[] { Dce.Lsarpc, Dce.Activator } : [Dce.Lsarpc];
            var gateway = ClientInside(Uuids(MsRpcAlgDescriptor.UuidsFromInside, permitted));
            var connection = new ControlConnection(gateway);
            connection.Connect();
            connection.Send(Dce.Bind(1, true, (0, Dce.Activator)));
            connection.Answer(Dce.BindAck(1, true, true));
            connection.Send(Dce.Request(2, 0, 4, new byte[64]));
            var bindings = Dce.Concat(new byte[] { 0x33, 0x00, 0x1D, 0x00 }, Dce.Utf16Binding("203.0.113.20[49718]"), new byte[] { 0, 0 });
            connection.Answer(Dce.Response(2, 0, Dce.Concat(new byte[40], bindings, new byte[8])));

            Assert.Equal(activation, Expects(gateway, 49718));
            Assert.Equal(activation ? 0 : 1, gateway.Counters.PartsRefused);
        }
    }
}
