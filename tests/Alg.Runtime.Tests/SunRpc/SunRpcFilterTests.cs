using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.SunRpc;

namespace Alg.Runtime.Tests.SunRpc;

/// <summary>
/// The SunRPC ALG's program filter (Junos <c>rpc-program-number</c>, ScreenOS <c>sun-rpc program</c>: policies permit
/// RPC services by program number, algs.md §6.3 "only open for … policy-listed programs") on both policy engines: an
/// answer about a program the policies do not let this client reach opens nothing and is counted; with no filter for
/// the client's side every program opens as before. A reply names no program (RFC 5531 §9): the call's does.
/// </summary>
public sealed class SunRpcFilterTests
{
    private const ushort Portmap = 111;
    private const ushort ClientPort = 40800;
    private static readonly uint Client = AlgHarness.Client;
    private static readonly uint Server = AlgHarness.Server;

    private static (string, AlgOptionValue) Programs(string option, params string[] ranges) => (option, AlgOptionValue.FromList(ranges));

    private static AlgHarness ClientInside(params (string Name, AlgOptionValue Value)[] options) =>
        new("sunrpc", Portmap, AlgPolicies.PatEverythingStrict(), default, FtpEngine.Both, options);

    private static bool Expects(AlgHarness gateway, byte protocol, ushort port) =>
        gateway.Engine.Expectations.Expects(new FlowKey(Client, Server, 41000, port, protocol, FlowSide.Inside), gateway.Now);

    private static void GetPort(AlgHarness gateway, uint xid, uint program, ushort answer)
    {
        Assert.True(gateway.Udp(Client, ClientPort, Server, Portmap, IngressSide.Inside, Rpc.GetPort(xid, program, 3, IpProtocol.Tcp)).Forwarded);
        Assert.True(gateway.Udp(Server, Portmap, AlgHarness.Public, ClientPort, IngressSide.Outside, Rpc.GetPortReply(xid, answer)).Forwarded);
    }

    [Fact]
    public void A_getport_answer_for_a_program_outside_the_clients_filter_opens_nothing_rfc1833_3_2()
    {
        var gateway = ClientInside(Programs(SunRpcAlgDescriptor.ProgramsFromInside, "100005", "100021-100024"));

        GetPort(gateway, 1, Rpc.Nfs, 2049);
        Assert.False(Expects(gateway, IpProtocol.Tcp, 2049));
        Assert.Equal(1, gateway.Counters.PartsRefused);
        Assert.Contains("program number no policy permits", gateway.Counters.LastPartRefused, StringComparison.Ordinal);

        GetPort(gateway, 2, Rpc.Mount, 20048);
        GetPort(gateway, 3, Rpc.Status, 36912);
        Assert.True(Expects(gateway, IpProtocol.Tcp, 20048));
        Assert.True(Expects(gateway, IpProtocol.Tcp, 36912));
        Assert.Equal(2, gateway.Counters.PinholesOpened);
    }

    [Fact]
    public void A_filter_for_clients_outside_leaves_clients_inside_alone_and_no_filter_is_the_old_behaviour()
    {
        var gateway = ClientInside(Programs(SunRpcAlgDescriptor.ProgramsFromOutside, "100005"));
        GetPort(gateway, 4, Rpc.Nfs, 2049);
        Assert.True(Expects(gateway, IpProtocol.Tcp, 2049));

        var open = ClientInside();
        GetPort(open, 5, Rpc.Nfs, 2049);
        Assert.True(Expects(open, IpProtocol.Tcp, 2049));
        Assert.Equal(0, open.Counters.PartsRefused);
    }

    [Fact]
    public void Server_inside_a_refused_universal_address_still_leaves_with_the_public_address_rfc5665_5_2_3_3()
    {
        var gateway = new AlgHarness(
            "sunrpc", Portmap, AlgHarness.ServerInsidePolicy(TransportProtocol.Udp, Portmap, TransportProtocol.Tcp), default, FtpEngine.Both,
            Programs(SunRpcAlgDescriptor.ProgramsFromOutside, "100005"));
        Assert.True(gateway.Udp(Server, ClientPort, AlgHarness.PublishedServer, Portmap, IngressSide.Outside, Rpc.GetAddr(9, Rpc.Nfs, 3, "udp")).Forwarded);

        var reply = gateway.Udp(AlgHarness.InsideServer, Portmap, Server, ClientPort, IngressSide.Inside, Rpc.GetAddrReply(9, "192.168.1.21.8.1"));

        Assert.True(reply.Forwarded);
        Assert.Equal("203.0.113.1.8.1", Rpc.ReadString(reply.PayloadBytes, 24));
        Assert.Equal(24 + 4 + 16, reply.PayloadBytes.Length);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(1, gateway.Counters.PartsRefused);
        Assert.False(gateway.Udp(Server, 41000, AlgHarness.PublishedServer, 2049, IngressSide.Outside).Forwarded);
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
    }
}
