using System.Buffers.Binary;
using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.MsRpc;
using Alg.Runtime.Tests.SunRpc;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.PortMapper;

/// <summary>
/// Map entries (Junos <c>map-entry-timeout</c>: the program-to-port and UUID-to-port maps are kept, algs.md §6.2 and
/// §5.2), on both policy engines: a port mapper's answer lets every client that the arrival interface's inbound ACL lets
/// reach that mapper reach the mapped service for the entry's life — a client that cached the port and never asked too —
/// and nobody the ACL keeps from the mapper. Without the option the pinhole is the asking client's alone (ASA).
/// </summary>
public sealed class MapEntryTests
{
    private const ushort Portmap = 111;
    private const ushort Mapper = 135;
    private static readonly uint Client = AlgHarness.Client;
    private static readonly uint Neighbour = Ip.V4("192.168.1.11");
    private static readonly uint Barred = Ip.V4("192.168.1.200");
    private static readonly uint Server = AlgHarness.Server;
    private static readonly uint OtherOutsideClient = Ip.V4("203.0.113.30");
    private static readonly (string, AlgOptionValue) FiveMinutes = ("map-entry-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Integer, 5));

    /// <summary>Clients inside, the mappers outside; the inside ACL lets 192.168.1.0/25 reach only the port mappers.</summary>
    private static PolicyModel InsideAclOpensOnlyTheMappers()
    {
        var mapperOnly = new Acl("INSIDE_IN", AclKind.Extended,
        [
            TestPolicies.Entry(10, AclAction.Permit, IpProtocol.Udp, TestPolicies.Match("192.168.1.0", 25), AddressMatch.Host(new Ipv4Address(Server)), [PortRange.Single(Portmap)]),
            TestPolicies.Entry(20, AclAction.Permit, IpProtocol.Tcp, TestPolicies.Match("192.168.1.0", 25), AddressMatch.Host(new Ipv4Address(Server)), [PortRange.Single(Mapper)]),
        ], SourceSpan.None);
        var policy = AlgPolicies.PatEverythingStrict();
        return policy with { Acls = [mapperOnly], Interfaces = [policy.Interfaces[0] with { InboundAcl = "INSIDE_IN" }, policy.Interfaces[1]] };
    }

    private static SentPacket Syn(AlgHarness gateway, uint client, ushort port, ushort clientPort = 41000) =>
        gateway.Syn(client, clientPort, Server, port, IngressSide.Inside);

    private static void GetPortOfNfs(AlgHarness gateway)
    {
        Assert.True(gateway.Udp(Client, 40800, Server, Portmap, IngressSide.Inside, Rpc.GetPort(0x71, Rpc.Nfs, 3, IpProtocol.Tcp)).Forwarded);
        Assert.True(gateway.Udp(Server, Portmap, AlgHarness.Public, 40800, IngressSide.Outside, Rpc.GetPortReply(0x71, 2049)).Forwarded);
    }

    [Fact]
    public void A_getport_answer_lets_every_client_the_acl_lets_reach_rpcbind_reach_the_program_rfc1833_3_2()
    {
        var gateway = new AlgHarness("sunrpc", Portmap, InsideAclOpensOnlyTheMappers(), default, FtpEngine.Both, FiveMinutes);
        GetPortOfNfs(gateway);

        Assert.True(Syn(gateway, Client, 2049).Forwarded);
        var neighbour = Syn(gateway, Neighbour, 2049);
        Assert.True(neighbour.Forwarded);
        Assert.Equal((Server, (ushort)2049), (neighbour.Info.DestinationAddress, neighbour.Info.DestinationPort));

        var barred = Syn(gateway, Barred, 2049);
        Assert.False(barred.Forwarded);
        Assert.Equal(DropReason.AclDeniedInbound, barred.Verdict.Reason);
        Assert.False(Syn(gateway, Neighbour, 2050, 41001).Forwarded);
        Assert.False(gateway.Udp(Neighbour, 41002, Server, 2049, IngressSide.Inside).Forwarded);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void Without_map_entry_timeout_the_pinhole_is_the_asking_clients_alone_asa_timeout_sunrpc()
    {
        var gateway = new AlgHarness("sunrpc", Portmap, InsideAclOpensOnlyTheMappers(), default, FtpEngine.Both);
        GetPortOfNfs(gateway);

        Assert.True(Syn(gateway, Client, 2049).Forwarded);
        Assert.Equal(DropReason.AclDeniedInbound, Syn(gateway, Neighbour, 2049).Verdict.Reason);
    }

    [Fact]
    public void The_entry_ends_with_the_map_entry_timeout_and_learning_it_again_keeps_one_entry()
    {
        var gateway = new AlgHarness("sunrpc", Portmap, InsideAclOpensOnlyTheMappers(), default, FtpEngine.Both, FiveMinutes);
        GetPortOfNfs(gateway);
        Assert.True(gateway.Udp(Neighbour, 40801, Server, Portmap, IngressSide.Inside, Rpc.GetPort(0x72, Rpc.Nfs, 3, IpProtocol.Tcp)).Forwarded);
        Assert.True(gateway.Udp(Server, Portmap, AlgHarness.Public, 40801, IngressSide.Outside, Rpc.GetPortReply(0x72, 2049)).Forwarded);
        Assert.Equal(1, gateway.Engine.Expectations.Count);

        gateway.Advance(4 * 60 * NatTimeouts.Second);
        Assert.True(Syn(gateway, Neighbour, 2049).Forwarded);
        gateway.Advance(2 * 60 * NatTimeouts.Second);
        Assert.Equal(DropReason.AclDeniedInbound, Syn(gateway, Client, 2049, 41003).Verdict.Reason);
    }

    [Fact]
    public void Server_inside_an_ept_map_tower_is_reached_by_clients_outside_the_acl_lets_reach_the_mapper_c706_appendix_o()
    {
        var policy = AlgHarness.ServerInsidePolicy(TransportProtocol.Tcp, Mapper, TransportProtocol.Udp);
        var outsideIn = new Acl("OUTSIDE_IN", AclKind.Extended,
        [
            TestPolicies.Entry(10, AclAction.Permit, IpProtocol.Tcp, TestPolicies.Match("203.0.113.0", 24), AddressMatch.Host(new Ipv4Address(AlgHarness.PublishedServer)), [PortRange.Single(Mapper)]),
        ], SourceSpan.None);
        policy = policy with { Acls = [outsideIn], Interfaces = [policy.Interfaces[0], policy.Interfaces[1] with { InboundAcl = "OUTSIDE_IN" }] };
        var gateway = new AlgHarness("msrpc", Mapper, policy, default, FtpEngine.Both, FiveMinutes);
        var connection = new ControlConnection(gateway, serverInside: true);
        connection.Connect();
        connection.Send(Dce.Bind(1, true, (0, Dce.Epm)));
        connection.Answer(Dce.BindAck(1, true, true));
        connection.Send(Dce.Request(2, 0, 3, Dce.Stub("map-request")));
        var reply = connection.Answer(Dce.Response(2, 0, Dce.Stub("map-response")));
        var payload = reply.PayloadBytes;
        var ip = payload.AsSpan().IndexOf(new byte[] { 0x01, 0x00, 0x09, 0x04, 0x00 });
        var port = BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(ip - 2));

        var later = gateway.Syn(OtherOutsideClient, 41000, AlgHarness.PublishedServer, port, IngressSide.Outside);
        Assert.True(later.Forwarded);
        Assert.Equal((AlgHarness.InsideServer, (ushort)49683), (later.Info.DestinationAddress, later.Info.DestinationPort));
        Assert.True(gateway.Syn(Server, 41001, AlgHarness.PublishedServer, port, IngressSide.Outside).Forwarded);
        var stranger = gateway.Syn(AlgHarness.Stranger, 41000, AlgHarness.PublishedServer, port, IngressSide.Outside);
        Assert.False(stranger.Forwarded);
        Assert.Equal(DropReason.AclDeniedInbound, stranger.Verdict.Reason);
    }

    [Fact]
    public void A_map_entry_says_why_it_admits_anyone_and_which_mapper_gates_it()
    {
        var gateway = new AlgHarness("sunrpc", Portmap, InsideAclOpensOnlyTheMappers(), default, FtpEngine.Both, FiveMinutes);
        GetPortOfNfs(gateway);

        var entry = Assert.Single(gateway.Engine.Expectations.List(gateway.Now, 10)).Spec;
        Assert.True(entry.Peer.AnyAddress);
        Assert.Contains("map-entry-timeout", entry.Peer.WildcardReason, StringComparison.Ordinal);
        Assert.Equal(new AdmissionProxy(IpProtocol.Udp, Server, Portmap, Server, Portmap), entry.AdmitLike);
    }

    [Fact]
    public void Admitting_and_refusing_through_a_map_entry_allocates_nothing_per_packet()
    {
        var gateway = new AlgHarness("sunrpc", Portmap, InsideAclOpensOnlyTheMappers(), default, FtpEngine.Both, FiveMinutes);
        GetPortOfNfs(gateway);
        var buffer = new byte[2048];
        var engine = gateway.Engine;
        var now = gateway.Now;
        var next = 0;
        NatVerdict Send(byte[] frame)
        {
            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            return engine.Process(ref packet, LinkType.Ethernet, now += 1000, IngressSide.Inside);
        }

        var barred = PacketBuilder.Tcp(Barred, 41000, Server, 2049, TcpFlags.Syn, 7000);
        // A new source port each time: every SYN is a new flow the map entry must admit.
        var neighbour = Enumerable.Range(20000, 1000).Select(p => PacketBuilder.Tcp(Neighbour, (ushort)p, Server, 2049, TcpFlags.Syn, 7000)).ToArray();
        var admitted = 0;
        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                admitted += Send(neighbour[next++]).Action == NatAction.Forward ? 1 : 0;
                Send(barred);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(next, admitted);
    }
}
