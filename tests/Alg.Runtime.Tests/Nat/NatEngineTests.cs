using System.Buffers.Binary;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Nat;

public sealed class NatEngineTests
{
    private static readonly uint Outside = Ip.V4(TestPolicies.OutsideAddress);
    private static readonly uint HostA = Ip.V4("192.168.1.10");
    private static readonly uint HostB = Ip.V4("192.168.1.11");
    private static readonly uint Server1 = Ip.V4("198.51.100.7");
    private static readonly uint Server2 = Ip.V4("198.51.100.8");

    private static NatHarness Pat(NatBehavior? behavior = null, NatLimits? limits = null, IDictionary<string, long?>? timeouts = null, NatEngineOptions? options = null) =>
        new(TestPolicies.Policy([TestPolicies.PatOnInterface()], behavior, limits, timeouts: timeouts), options);

    [Fact]
    public void Outbound_udp_is_translated_to_the_interface_address_with_port_preservation()
    {
        var nat = Pat();
        var (verdict, frame, info) = nat.Send(PacketBuilder.Udp(HostA, 5060, Server1, 5060, "INVITE"u8), 1);

        Assert.Equal(NatAction.Forward, verdict.Action);
        Assert.Equal(Outside, info.SourceAddress);
        Assert.Equal(5060, info.SourcePort);
        Assert.Equal(Server1, info.DestinationAddress);
        Assert.True(PacketBuilder.ChecksumsValid(frame));

        var (replyVerdict, replyFrame, reply) = nat.Send(PacketBuilder.Udp(Server1, 5060, Outside, 5060, "200 OK"u8), 2);
        Assert.Equal(NatAction.Forward, replyVerdict.Action);
        Assert.True(replyVerdict.IsReply);
        Assert.Equal(FlowSide.Outside, replyVerdict.Side);
        Assert.Equal(HostA, reply.DestinationAddress);
        Assert.Equal(5060, reply.DestinationPort);
        Assert.True(PacketBuilder.ChecksumsValid(replyFrame));
    }

    [Fact]
    public void Port_already_taken_is_not_preserved_and_the_second_host_gets_another()
    {
        var nat = Pat();
        var a = nat.Send(PacketBuilder.Udp(HostA, 40000, Server1, 53), 1).Info;
        var b = nat.Send(PacketBuilder.Udp(HostB, 40000, Server1, 53), 1).Info;
        Assert.Equal(40000, a.SourcePort);
        Assert.NotEqual(40000, b.SourcePort);
        Assert.InRange(b.SourcePort, 1024, 65535);

        Assert.Equal(HostB, nat.Send(PacketBuilder.Udp(Server1, 53, Outside, b.SourcePort), 2).Info.DestinationAddress);
        Assert.Equal(HostA, nat.Send(PacketBuilder.Udp(Server1, 53, Outside, 40000), 2).Info.DestinationAddress);
    }

    [Fact]
    public void RFC4787_REQ1_endpoint_independent_mapping_reuses_the_external_port_for_any_destination()
    {
        var nat = Pat(TestPolicies.Behavior(portPreservation: false));
        var first = nat.Send(PacketBuilder.Udp(HostA, 3478, Server1, 3478), 1).Info;
        var second = nat.Send(PacketBuilder.Udp(HostA, 3478, Server2, 9999), 2).Info;

        Assert.Equal(first.SourceAddress, second.SourceAddress);
        Assert.Equal(first.SourcePort, second.SourcePort);
        Assert.Equal(1, nat.Engine.Mappings.Count);
    }

    [Fact]
    public void Address_and_port_dependent_mapping_uses_a_new_port_per_destination_RFC4787_4_1()
    {
        var nat = Pat(TestPolicies.Behavior(mapping: MappingBehavior.AddressAndPortDependent, portPreservation: false));
        var first = nat.Send(PacketBuilder.Udp(HostA, 3478, Server1, 3478), 1).Info;
        var second = nat.Send(PacketBuilder.Udp(HostA, 3478, Server1, 3479), 2).Info;
        Assert.NotEqual(first.SourcePort, second.SourcePort);
        Assert.Equal(2, nat.Engine.Mappings.Count);
    }

    [Fact]
    public void RFC4787_REQ5_udp_mapping_lives_at_least_two_minutes_idle()
    {
        Assert.True(NatTimeouts.Default.Udp >= 120 * NatHarness.Second);
        var nat = Pat();
        nat.Send(PacketBuilder.Udp(HostA, 5000, Server1, 5000), 0);

        // Default 5 minutes (REQ-5 recommends 5): an answer after 299 s idle still gets in.
        var late = nat.Send(PacketBuilder.Udp(Server1, 5000, Outside, 5000), 299);
        Assert.Equal(NatAction.Forward, late.Verdict.Action);
        Assert.Equal(HostA, late.Info.DestinationAddress);

        // 5 min idle after that: the mapping is gone and the packet is refused.
        var tooLate = nat.Send(PacketBuilder.Udp(Server1, 5000, Outside, 5000), 299 + 301);
        Assert.Equal(NatAction.Drop, tooLate.Verdict.Action);
        Assert.Equal(DropReason.NoMapping, tooLate.Verdict.Reason);
        Assert.Equal(0, nat.Engine.Mappings.Count);
    }

    [Fact]
    public void RFC4787_REQ6_outbound_packets_refresh_the_mapping()
    {
        var nat = Pat();
        for (var t = 0; t <= 1000; t += 200)
        {
            nat.Send(PacketBuilder.Udp(HostA, 5000, Server1, 5000), t);
        }

        var answer = nat.Send(PacketBuilder.Udp(Server1, 5000, Outside, 5000), 1250);
        Assert.Equal(NatAction.Forward, answer.Verdict.Action);
        Assert.Equal(HostA, answer.Info.DestinationAddress);
    }

    [Fact]
    public void Configured_udp_timeout_is_used()
    {
        var nat = Pat(timeouts: new Dictionary<string, long?> { ["udp"] = 600 });
        nat.Send(PacketBuilder.Udp(HostA, 5000, Server1, 5000), 0);
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Udp(Server1, 5000, Outside, 5000), 550).Verdict.Action);
    }

    [Theory]
    [InlineData(FilteringBehavior.EndpointIndependent, true, true)]
    [InlineData(FilteringBehavior.AddressDependent, true, false)]
    [InlineData(FilteringBehavior.AddressAndPortDependent, false, false)]
    public void RFC4787_REQ8_filtering_of_unsolicited_inbound(FilteringBehavior filtering, bool sameHostOtherPortAllowed, bool otherHostAllowed)
    {
        var nat = Pat(TestPolicies.Behavior(filtering: filtering));
        nat.Send(PacketBuilder.Udp(HostA, 6000, Server1, 3478), 1);

        var sameHost = nat.Send(PacketBuilder.Udp(Server1, 3479, Outside, 6000), 2);
        Assert.Equal(sameHostOtherPortAllowed ? NatAction.Forward : NatAction.Drop, sameHost.Verdict.Action);

        var otherHost = nat.Send(PacketBuilder.Udp(Server2, 3478, Outside, 6000), 3);
        Assert.Equal(otherHostAllowed ? NatAction.Forward : NatAction.Drop, otherHost.Verdict.Action);
        if (!otherHostAllowed)
        {
            Assert.Equal(DropReason.FilteredByEndpoint, otherHost.Verdict.Reason);
        }
        else
        {
            Assert.Equal(HostA, otherHost.Info.DestinationAddress);
        }
    }

    [Fact]
    public void Unsolicited_inbound_without_mapping_is_a_counted_drop()
    {
        var nat = Pat();
        var result = nat.Send(PacketBuilder.Tcp(Server1, 4444, Outside, 22, TcpFlags.Syn), 1);
        Assert.Equal(NatAction.Drop, result.Verdict.Action);
        Assert.Equal(DropReason.NoMapping, result.Verdict.Reason);
        Assert.Equal(1, nat.Engine.Drops[DropReason.NoMapping]);
    }

    [Fact]
    public void RFC5382_REQ1_tcp_endpoint_independent_mapping()
    {
        var nat = Pat(TestPolicies.Behavior(portPreservation: false));
        var first = nat.Send(PacketBuilder.Tcp(HostA, 50000, Server1, 443, TcpFlags.Syn), 1).Info;
        var second = nat.Send(PacketBuilder.Tcp(HostA, 50000, Server2, 80, TcpFlags.Syn), 2).Info;
        Assert.Equal(first.SourcePort, second.SourcePort);
        Assert.Equal(first.SourceAddress, second.SourceAddress);
    }

    [Fact]
    public void RFC5382_REQ5_established_tcp_survives_two_hours_four_minutes_idle()
    {
        var nat = Pat();
        Handshake(nat, 0);

        var late = nat.Send(PacketBuilder.Tcp(Server1, 443, Outside, 50000, TcpFlags.Ack | TcpFlags.Psh, 2000, 1001, "x"u8), 7439);
        Assert.Equal(NatAction.Forward, late.Verdict.Action);
        Assert.Equal(HostA, late.Info.DestinationAddress);

        var gone = nat.Send(PacketBuilder.Tcp(Server1, 443, Outside, 50000, TcpFlags.Ack, 2001, 1001), 7439 + 7441);
        Assert.Equal(NatAction.Drop, gone.Verdict.Action);
    }

    [Fact]
    public void RFC5382_REQ5_transitory_tcp_lives_at_least_four_minutes()
    {
        var nat = Pat();
        Handshake(nat, 0);
        nat.Send(PacketBuilder.Tcp(HostA, 50000, Server1, 443, TcpFlags.Fin | TcpFlags.Ack, 1001, 2001), 10);
        nat.Send(PacketBuilder.Tcp(Server1, 443, Outside, 50000, TcpFlags.Fin | TcpFlags.Ack, 2001, 1002), 11);

        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Tcp(HostA, 50000, Server1, 443, TcpFlags.Ack, 1002, 2002), 12).Verdict.Action);
        var flow = nat.Engine.Flows.Find(new FlowKey(HostA, Server1, 50000, 443, IpProtocol.Tcp, FlowSide.Inside), out _);
        Assert.Equal(TcpTrackState.Closing, nat.Engine.Flows[flow].TcpState);

        // Still there just under 4 minutes of idleness, gone after.
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Tcp(Server1, 443, Outside, 50000, TcpFlags.Ack, 2002, 1002), 12 + 239).Verdict.Action);
        nat.Engine.ExpireState((12 + 239 + 241) * NatHarness.Second);
        Assert.Equal(-1, nat.Engine.Flows.Find(new FlowKey(HostA, Server1, 50000, 443, IpProtocol.Tcp, FlowSide.Inside), out _));
    }

    [Fact]
    public void RFC7857_2_2_rst_keeps_the_session_for_the_transitory_time()
    {
        var nat = Pat();
        Handshake(nat, 0);
        nat.Send(PacketBuilder.Tcp(Server1, 443, Outside, 50000, TcpFlags.Rst, 2001, 0), 5);
        var key = new FlowKey(HostA, Server1, 50000, 443, IpProtocol.Tcp, FlowSide.Inside);
        var flow = nat.Engine.Flows.Find(key, out _);
        Assert.Equal(TcpTrackState.Reset, nat.Engine.Flows[flow].TcpState);

        nat.Engine.ExpireState((5 + 239) * NatHarness.Second);
        Assert.True(nat.Engine.Flows.Find(key, out _) >= 0);
        nat.Engine.ExpireState((5 + 241) * NatHarness.Second);
        Assert.Equal(-1, nat.Engine.Flows.Find(key, out _));
    }

    [Fact]
    public void Tcp_handshake_states_are_tracked()
    {
        var nat = Pat();
        var key = new FlowKey(HostA, Server1, 50000, 443, IpProtocol.Tcp, FlowSide.Inside);
        nat.Send(PacketBuilder.Tcp(HostA, 50000, Server1, 443, TcpFlags.Syn, 1000), 0);
        Assert.Equal(TcpTrackState.SynSent, nat.Engine.Flows[nat.Engine.Flows.Find(key, out _)].TcpState);
        nat.Send(PacketBuilder.Tcp(Server1, 443, Outside, 50000, TcpFlags.Syn | TcpFlags.Ack, 2000, 1001), 0);
        Assert.Equal(TcpTrackState.SynReceived, nat.Engine.Flows[nat.Engine.Flows.Find(key, out _)].TcpState);
        nat.Send(PacketBuilder.Tcp(HostA, 50000, Server1, 443, TcpFlags.Ack, 1001, 2001), 0);
        Assert.Equal(TcpTrackState.Established, nat.Engine.Flows[nat.Engine.Flows.Find(key, out _)].TcpState);
    }

    [Fact]
    public void RFC6888_REQ5_global_limit_refuses_new_flows_and_never_evicts()
    {
        var nat = Pat(limits: new NatLimits(2, [], Alg.Policy.Text.SourceSpan.None));
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Udp(HostA, 1111, Server1, 53), 0).Verdict.Action);
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Udp(HostA, 2222, Server1, 53), 0).Verdict.Action);

        var refused = nat.Send(PacketBuilder.Udp(HostB, 3333, Server1, 53), 1);
        Assert.Equal(DropReason.FlowTableFull, refused.Verdict.Reason);
        Assert.Equal(1, nat.Engine.Drops[DropReason.FlowTableFull]);

        // The two live flows still work in both directions.
        Assert.Equal(HostA, nat.Send(PacketBuilder.Udp(Server1, 53, Outside, 1111), 2).Info.DestinationAddress);
        Assert.Equal(HostA, nat.Send(PacketBuilder.Udp(Server1, 53, Outside, 2222), 2).Info.DestinationAddress);
        Assert.Equal(2, nat.Engine.Flows.Count);
    }

    [Fact]
    public void RFC6888_REQ4_per_host_limit_refuses_that_host_only()
    {
        var limits = new NatLimits(null, [new HostLimit(new Ipv4Address(HostA), 1, Alg.Policy.Text.SourceSpan.None)], Alg.Policy.Text.SourceSpan.None);
        var nat = Pat(limits: limits);
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Udp(HostA, 1111, Server1, 53), 0).Verdict.Action);
        Assert.Equal(DropReason.HostLimitReached, nat.Send(PacketBuilder.Udp(HostA, 2222, Server1, 53), 0).Verdict.Reason);
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Udp(HostB, 2222, Server1, 53), 0).Verdict.Action);

        // When the host's flow ends, it may open another.
        nat.Engine.ExpireState(1000 * NatHarness.Second);
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Udp(HostA, 2222, Server1, 53), 1000).Verdict.Action);
    }

    [Fact]
    public void Allocated_ports_are_never_below_1024_nor_zero_slipstreaming_T5()
    {
        var nat = Pat(TestPolicies.Behavior(portPreservation: false), options: new NatEngineOptions(FlowCapacity: 8192, MappingCapacity: 8192));
        var seen = new HashSet<int>();
        for (var i = 0; i < 3000; i++)
        {
            var sourcePort = (ushort)(i % 1200);
            var host = HostA + (uint)(i / 1200);
            var (verdict, _, info) = nat.Send(PacketBuilder.Udp(host, sourcePort, Server1, 53), 1);
            Assert.Equal(NatAction.Forward, verdict.Action);
            Assert.InRange(info.SourcePort, 1024, 65535);
            Assert.True(seen.Add(info.SourcePort), $"port {info.SourcePort} handed out twice");
        }
    }

    [Fact]
    public void Port_randomisation_is_deterministic_for_a_seed_RFC6056()
    {
        static ushort FirstPort(ulong seed)
        {
            var nat = Pat(TestPolicies.Behavior(portPreservation: false), options: new NatEngineOptions(FlowCapacity: 64, MappingCapacity: 64, RandomSeed: seed));
            return nat.Send(PacketBuilder.Udp(HostA, 5555, Server1, 53), 1).Info.SourcePort;
        }

        Assert.Equal(FirstPort(42), FirstPort(42));
        Assert.NotEqual(FirstPort(42), FirstPort(43));
    }

    [Fact]
    public void RFC6888_REQ8_freed_port_is_held_120_seconds()
    {
        var allocator = new PortAllocator(holdSeconds: 120);
        Assert.True(allocator.TryTake(40000, 10));
        allocator.Release(40000, 100);
        Assert.False(allocator.TryTake(40000, 219));
        Assert.True(allocator.TryTake(40000, 220));

        // Through the engine: a preserved port freed by expiry is not given to another host within the hold.
        var nat = Pat();
        nat.Send(PacketBuilder.Udp(HostA, 40000, Server1, 53), 0);
        nat.Engine.ExpireState(301 * NatHarness.Second);
        Assert.Equal(0, nat.Engine.Mappings.Count);
        Assert.NotEqual(40000, nat.Send(PacketBuilder.Udp(HostB, 40000, Server1, 53), 302).Info.SourcePort);
        Assert.Equal(40000, nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.12"), 40000, Server1, 53), 301 + 121).Info.SourcePort);
    }

    [Fact]
    public void Icmp_echo_identifiers_are_translated_per_host()
    {
        var nat = Pat();
        var a = nat.Send(PacketBuilder.IcmpEcho(HostA, Server1, 7, 1, request: true), 1);
        var b = nat.Send(PacketBuilder.IcmpEcho(HostB, Server1, 7, 1, request: true), 1);
        Assert.Equal(Outside, a.Info.SourceAddress);
        Assert.Equal(Outside, b.Info.SourceAddress);
        Assert.NotEqual(a.Info.SourcePort, b.Info.SourcePort);
        Assert.True(PacketBuilder.ChecksumsValid(a.Frame));
        Assert.True(PacketBuilder.ChecksumsValid(b.Frame));

        var replyB = nat.Send(PacketBuilder.IcmpEcho(Server1, Outside, b.Info.SourcePort, 1, request: false), 2);
        Assert.Equal(HostB, replyB.Info.DestinationAddress);
        Assert.Equal(7, BinaryPrimitives.ReadUInt16BigEndian(replyB.Frame.AsSpan(14 + 20 + 4)));
        Assert.True(PacketBuilder.ChecksumsValid(replyB.Frame));
    }

    [Fact]
    public void Icmp_error_translates_the_embedded_header_and_fixes_every_checksum_RFC5508_REQ3()
    {
        var nat = Pat(TestPolicies.Behavior(portPreservation: false));
        var sent = nat.Send(PacketBuilder.Udp(HostA, 33000, Server1, 33434, "probe"u8), 1);
        var router = Ip.V4("198.51.100.1");
        var error = PacketBuilder.IcmpError(router, Outside, type: 11, code: 0, sent.Frame, quotedTransportBytes: 13);

        var (verdict, frame, info) = nat.Send(error, 2);
        Assert.Equal(NatAction.Forward, verdict.Action);
        Assert.Equal(HostA, info.DestinationAddress);
        Assert.Equal(router, info.SourceAddress);
        Assert.True(PacketBuilder.ChecksumsValid(frame), "outer IP and ICMP checksums");

        var embedded = frame.AsSpan(info.EmbeddedNetworkOffset);
        Assert.Equal(HostA, BinaryPrimitives.ReadUInt32BigEndian(embedded[12..]));
        Assert.Equal(Server1, BinaryPrimitives.ReadUInt32BigEndian(embedded[16..]));
        Assert.Equal(33000, BinaryPrimitives.ReadUInt16BigEndian(embedded[20..]));
        Assert.Equal(0, Alg.Runtime.Checksums.InternetChecksum.Compute(embedded[..20]));

        // The quoted UDP checksum matches the original datagram's (it covered HostA:33000 before translation).
        var original = PacketBuilder.Udp(HostA, 33000, Server1, 33434, "probe"u8);
        Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(original.AsSpan(14 + 20 + 6)), BinaryPrimitives.ReadUInt16BigEndian(embedded[26..]));
    }

    [Fact]
    public void Icmp_error_for_an_unknown_flow_is_a_counted_drop()
    {
        var nat = Pat();
        var stray = PacketBuilder.Udp(Outside, 12345, Server1, 53);
        var error = PacketBuilder.IcmpError(Server1, Outside, 3, 3, stray);
        Assert.Equal(DropReason.NoMatchingFlowForIcmpError, nat.Send(error, 1).Verdict.Reason);
    }

    [Fact]
    public void Static_port_forward_reaches_the_inside_server_and_replies_go_back()
    {
        var policy = TestPolicies.Policy([TestPolicies.PortForward(TransportProtocol.Tcp, "192.168.1.50", 80, 8080), TestPolicies.PatOnInterface()]);
        var nat = new NatHarness(policy);
        var inbound = nat.Send(PacketBuilder.Tcp(Server1, 40001, Outside, 8080, TcpFlags.Syn), 1);
        Assert.Equal(NatAction.Forward, inbound.Verdict.Action);
        Assert.Equal(Ip.V4("192.168.1.50"), inbound.Info.DestinationAddress);
        Assert.Equal(80, inbound.Info.DestinationPort);
        Assert.True(PacketBuilder.ChecksumsValid(inbound.Frame));

        var reply = nat.Send(PacketBuilder.Tcp(Ip.V4("192.168.1.50"), 80, Server1, 40001, TcpFlags.Syn | TcpFlags.Ack), 1);
        Assert.Equal(Outside, reply.Info.SourceAddress);
        Assert.Equal(8080, reply.Info.SourcePort);
        Assert.True(reply.Verdict.IsReply);

        // PAT never hands out the forwarded port.
        var pat = nat.Send(PacketBuilder.Tcp(HostA, 8080, Server1, 80, TcpFlags.Syn), 2);
        Assert.NotEqual(8080, pat.Info.SourcePort);
    }

    [Fact]
    public void Only_a_syn_opens_tcp_state_from_outside()
    {
        var policy = TestPolicies.Policy([TestPolicies.PortForward(TransportProtocol.Tcp, "192.168.1.50", 80, 8080)]);
        var nat = new NatHarness(policy);
        Assert.Equal(DropReason.UnsolicitedTcpWithoutSyn, nat.Send(PacketBuilder.Tcp(Server1, 40001, Outside, 8080, TcpFlags.Ack), 1).Verdict.Reason);
        Assert.Equal(DropReason.UnsolicitedTcpWithoutSyn, nat.Send(PacketBuilder.Tcp(Server1, 40001, Outside, 8080, TcpFlags.Syn | TcpFlags.Ack), 1).Verdict.Reason);
        Assert.Equal(0, nat.Engine.Flows.Count);
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Tcp(Server1, 40001, Outside, 8080, TcpFlags.Syn), 1).Verdict.Action);
    }

    [Fact]
    public void Static_network_mapping_translates_host_bits_both_ways()
    {
        var policy = TestPolicies.Policy([TestPolicies.Static("192.168.1.0", "203.0.113.16", prefix: 28)]);
        var nat = new NatHarness(policy);
        var outbound = nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.5"), 7000, Server1, 7000), 1);
        Assert.Equal(Ip.V4("203.0.113.21"), outbound.Info.SourceAddress);
        Assert.Equal(7000, outbound.Info.SourcePort);

        var inbound = nat.Send(PacketBuilder.Udp(Server1, 9000, Ip.V4("203.0.113.22"), 22), 1);
        Assert.Equal(NatAction.Forward, inbound.Verdict.Action);
        Assert.Equal(Ip.V4("192.168.1.6"), inbound.Info.DestinationAddress);
        Assert.Equal(22, inbound.Info.DestinationPort);
    }

    [Fact]
    public void Dynamic_pool_gives_each_host_its_own_address_and_refuses_when_empty()
    {
        var pool = new NatPool("public", new AddressRange(new Ipv4Address(Ip.V4("203.0.113.100")), new Ipv4Address(Ip.V4("203.0.113.101"))), 24, Alg.Policy.Text.SourceSpan.None);
        var policy = TestPolicies.Policy([TestPolicies.PoolOneToOne("public")], TestPolicies.Behavior() with { ConsistentNat = false }, pools: [pool]);
        var nat = new NatHarness(policy);
        var a = nat.Send(PacketBuilder.Udp(HostA, 1234, Server1, 53), 1).Info;
        var a2 = nat.Send(PacketBuilder.Udp(HostA, 1235, Server1, 53), 1).Info;
        var b = nat.Send(PacketBuilder.Udp(HostB, 1234, Server1, 53), 1).Info;
        Assert.Equal(a.SourceAddress, a2.SourceAddress);
        Assert.NotEqual(a.SourceAddress, b.SourceAddress);
        Assert.Equal(1234, a.SourcePort);
        Assert.True(new[] { a.SourceAddress, b.SourceAddress }.All(x => x == Ip.V4("203.0.113.100") || x == Ip.V4("203.0.113.101")));

        var c = nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.12"), 1234, Server1, 53), 1);
        Assert.Equal(DropReason.PortsExhausted, c.Verdict.Reason);
    }

    [Fact]
    public void Pat_on_a_pool_pairs_each_host_with_one_address_RFC4787_REQ2()
    {
        var pool = new NatPool("pat", new AddressRange(new Ipv4Address(Ip.V4("203.0.113.100")), new Ipv4Address(Ip.V4("203.0.113.103"))), 24, Alg.Policy.Text.SourceSpan.None);
        var nat = new NatHarness(TestPolicies.Policy([TestPolicies.PatOnPool("pat")], pools: [pool]));
        var first = nat.Send(PacketBuilder.Udp(HostA, 1000, Server1, 53), 1).Info.SourceAddress;
        for (ushort port = 1001; port < 1050; port++)
        {
            Assert.Equal(first, nat.Send(PacketBuilder.Udp(HostA, port, Server2, 53), 1).Info.SourceAddress);
        }
    }

    [Fact]
    public void Pinhole_opened_by_an_alg_admits_one_flow_and_translates_it()
    {
        var nat = Pat();
        var signalling = nat.Send(PacketBuilder.Udp(HostA, 5060, Server1, 5060), 1);
        var spec = new ExpectationSpec(
            IpProtocol.Udp,
            FlowSide.Outside,
            ExpectedPeer.AddressOnly(Server1, "SDP gives no source port"),
            Outside,
            41000,
            HostA,
            30000,
            180 * NatHarness.Second,
            Persistent: false,
            signalling.Verdict.Flow,
            OwnerTag: 1);
        Assert.True(nat.Engine.TryOpenPinhole(spec, NatHarness.Second, out _));

        var media = nat.Send(PacketBuilder.Udp(Server1, 20000, Outside, 41000), 2);
        Assert.Equal(NatAction.Forward, media.Verdict.Action);
        Assert.Equal(HostA, media.Info.DestinationAddress);
        Assert.Equal(30000, media.Info.DestinationPort);
        Assert.Equal(signalling.Verdict.Flow.Index, nat.Engine.Flows[media.Verdict.Flow.Index].MasterIndex);

        // The pinhole is spent: a second new flow to the same port is refused; the admitted flow continues.
        Assert.Equal(NatAction.Drop, nat.Send(PacketBuilder.Udp(Server1, 20002, Outside, 41000), 3).Verdict.Action);
        Assert.Equal(NatAction.Forward, nat.Send(PacketBuilder.Udp(Server1, 20000, Outside, 41000), 3).Verdict.Action);
        var back = nat.Send(PacketBuilder.Udp(HostA, 30000, Server1, 20000), 4);
        Assert.Equal(Outside, back.Info.SourceAddress);
        Assert.Equal(41000, back.Info.SourcePort);
    }

    [Fact]
    public void Reserved_mapping_is_the_one_media_leaves_with_and_expires_after_its_lifetime()
    {
        var nat = Pat(TestPolicies.Behavior(portPreservation: false));
        Assert.True(nat.Engine.TryReserveMapping(IpProtocol.Udp, HostA, 30000, Server1, 0, 60 * NatHarness.Second, NatHarness.Second, out var mappedAddress, out var mappedPort, out _));
        Assert.Equal(Outside, mappedAddress);
        Assert.InRange(mappedPort, 1024, 65535);

        // Nothing sent yet, but the answer's media gets in through the reserved mapping (EIF)...
        var inbound = nat.Send(PacketBuilder.Udp(Server1, 20000, Outside, mappedPort), 10);
        Assert.Equal(HostA, inbound.Info.DestinationAddress);
        Assert.Equal(30000, inbound.Info.DestinationPort);

        // ...and the inside host's own media leaves with the announced port.
        var outbound = nat.Send(PacketBuilder.Udp(HostA, 30000, Server2, 20000), 11);
        Assert.Equal(mappedPort, outbound.Info.SourcePort);

        // A reservation nobody uses ends with its lifetime.
        Assert.True(nat.Engine.TryReserveMapping(IpProtocol.Udp, HostB, 30002, Server1, 0, 60 * NatHarness.Second, 20 * NatHarness.Second, out _, out var unusedPort, out _));
        nat.Engine.ExpireState(79 * NatHarness.Second);
        Assert.True(nat.Engine.Mappings.FindByExternal(IpProtocol.Udp, Outside, unusedPort) >= 0);
        nat.Engine.ExpireState(81 * NatHarness.Second);
        Assert.Equal(-1, nat.Engine.Mappings.FindByExternal(IpProtocol.Udp, Outside, unusedPort));
        Assert.Equal(DropReason.NoMapping, nat.Send(PacketBuilder.Udp(Server1, 20000, Outside, unusedPort), 82).Verdict.Reason);
    }

    [Fact]
    public void Pinhole_for_a_flow_starting_inside_redirects_its_destination()
    {
        var nat = Pat();
        var control = nat.Send(PacketBuilder.Tcp(HostA, 40000, Server1, 1720, TcpFlags.Syn), 1);
        var spec = new ExpectationSpec(IpProtocol.Tcp, FlowSide.Inside, ExpectedPeer.Exactly(HostA, 40001), Ip.V4("10.99.0.1"), 1503, Server2, 1503, 30 * NatHarness.Second, false, control.Verdict.Flow, OwnerTag: 2);
        Assert.True(nat.Engine.TryOpenPinhole(spec, NatHarness.Second, out _));

        var redirected = nat.Send(PacketBuilder.Tcp(HostA, 40001, Ip.V4("10.99.0.1"), 1503, TcpFlags.Syn), 2);
        Assert.Equal(Server2, redirected.Info.DestinationAddress);
        Assert.Equal(Outside, redirected.Info.SourceAddress);
        Assert.Equal(control.Verdict.Flow.Index, nat.Engine.Flows[redirected.Verdict.Flow.Index].MasterIndex);
        Assert.True(PacketBuilder.ChecksumsValid(redirected.Frame));
    }

    [Fact]
    public void Hairpinning_reaches_a_forwarded_server_through_the_public_address_RFC4787_REQ9()
    {
        var policy = TestPolicies.Policy([TestPolicies.PortForward(TransportProtocol.Tcp, "192.168.1.50", 80, 8080), TestPolicies.PatOnInterface()]);
        var nat = new NatHarness(policy);
        var request = nat.Send(PacketBuilder.Tcp(HostA, 45000, Outside, 8080, TcpFlags.Syn), 1);
        Assert.Equal(NatAction.Forward, request.Verdict.Action);
        Assert.Equal(FlowSide.Inside, request.Verdict.Side);
        Assert.Equal(Outside, request.Info.SourceAddress);
        Assert.Equal(Ip.V4("192.168.1.50"), request.Info.DestinationAddress);
        Assert.Equal(80, request.Info.DestinationPort);
        Assert.True(PacketBuilder.ChecksumsValid(request.Frame));

        var answer = nat.Send(PacketBuilder.Tcp(Ip.V4("192.168.1.50"), 80, Outside, request.Info.SourcePort, TcpFlags.Syn | TcpFlags.Ack), 1);
        Assert.Equal(NatAction.Forward, answer.Verdict.Action);
        Assert.Equal(Outside, answer.Info.SourceAddress);
        Assert.Equal(8080, answer.Info.SourcePort);
        Assert.Equal(HostA, answer.Info.DestinationAddress);
        Assert.Equal(45000, answer.Info.DestinationPort);
    }

    [Fact]
    public void RFC4787_REQ14_fragments_out_of_order_are_reassembled_and_translated()
    {
        var nat = Pat();
        var payload = new byte[3000];
        new Random(9).NextBytes(payload);
        var whole = PacketBuilder.Udp(HostA, 7777, Server1, 7777, payload);
        var fragments = Fragment(whole, 1200);
        Assert.Equal(3, fragments.Count);

        Assert.Equal(NatAction.Held, nat.Send(fragments[2], 1).Verdict.Action);
        Assert.Equal(NatAction.Held, nat.Send(fragments[0], 1).Verdict.Action);
        var (verdict, frame, info) = nat.Send(fragments[1], 1);

        Assert.Equal(NatAction.Forward, verdict.Action);
        Assert.Equal(whole.Length, frame.Length);
        Assert.Equal(Outside, info.SourceAddress);
        Assert.True(PacketBuilder.ChecksumsValid(frame));
        Assert.Equal(payload, frame.AsSpan(info.PayloadOffset).ToArray());
    }

    [Fact]
    public void Reassembled_datagram_that_does_not_fit_the_buffer_is_a_counted_drop()
    {
        var engine = TestEngines.Nat(TestPolicies.Policy([TestPolicies.PatOnInterface()]));
        var fragments = Fragment(PacketBuilder.Udp(HostA, 7777, Server1, 7777, new byte[3000]), 1200);
        foreach (var fragment in fragments[..^1])
        {
            var held = new PacketBuffer(fragment, 0, fragment.Length, fragment.Length);
            Assert.Equal(NatAction.Held, engine.Process(ref held, LinkType.Ethernet, NatHarness.Second).Action);
        }

        var last = fragments[^1];
        var packet = new PacketBuffer(last, 0, last.Length, last.Length);
        Assert.Equal(DropReason.BufferTooSmall, engine.Process(ref packet, LinkType.Ethernet, NatHarness.Second).Reason);
    }

    [Fact]
    public void Default_timeouts_follow_the_rfcs_and_policy_values_win()
    {
        var defaults = NatTimeouts.Default;
        Assert.Equal(300 * NatHarness.Second, defaults.Udp);
        Assert.Equal(defaults.Udp, defaults.Dns);
        Assert.Equal(7440 * NatHarness.Second, defaults.TcpEstablished);
        Assert.Equal(240 * NatHarness.Second, defaults.TcpTransitory);
        Assert.Equal(240 * NatHarness.Second, defaults.TcpFinRst);
        Assert.Equal(60 * NatHarness.Second, defaults.Icmp);

        var configured = TestEngines.Nat(TestPolicies.Policy([], timeouts: new Dictionary<string, long?> { ["tcp"] = 3600, ["gre"] = null, ["udp"] = 120 })).Timeouts;
        Assert.Equal(3600 * NatHarness.Second, configured.TcpEstablished);
        Assert.Equal(NatTimeouts.Never, configured.Gre);
        Assert.Equal(120 * NatHarness.Second, configured.Dns);
    }

    [Fact]
    public void Ipv6_and_non_ip_frames_pass_untouched()
    {
        var nat = Pat();
        var ipv6 = new byte[14 + 40 + 8];
        BinaryPrimitives.WriteUInt16BigEndian(ipv6.AsSpan(12), PacketDecoder.EtherTypeIpv6);
        ipv6[14] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ipv6.AsSpan(18), 8);
        ipv6[20] = IpProtocol.Udp;
        BinaryPrimitives.WriteUInt16BigEndian(ipv6.AsSpan(14 + 40 + 4), 8);
        var (verdict, frame, _) = nat.Send(ipv6, 1);
        Assert.Equal(NatAction.Forward, verdict.Action);
        Assert.Equal(ipv6, frame);
        Assert.Equal(0, nat.Engine.Flows.Count);
    }

    [Fact]
    public void Malformed_packets_are_counted_drops()
    {
        var nat = Pat();
        var frame = PacketBuilder.Udp(HostA, 1, Server1, 2);
        frame[14] = 0x41;
        Assert.Equal(DropReason.BadIpv4HeaderLength, nat.Send(frame, 1).Verdict.Reason);
        Assert.Equal(1, nat.Engine.Drops[DropReason.BadIpv4HeaderLength]);
    }

    [Fact]
    public void Forced_ingress_side_overrides_the_destination_rule()
    {
        var nat = Pat();

        // To a non-owned address but forced outside: no mapping, so refused.
        var forced = nat.Send(PacketBuilder.Udp(Server1, 53, HostA, 5353), 1, IngressSide.Outside);
        Assert.Equal(NatAction.Drop, forced.Verdict.Action);
        Assert.Equal(FlowSide.Outside, forced.Verdict.Side);
    }

    [Fact]
    public void Established_udp_flow_fast_path_allocates_nothing()
    {
        var nat = Pat();
        var frame = PacketBuilder.Udp(HostA, 5004, Server1, 5004, new byte[160]);
        var buffer = new byte[2048];
        var now = NatHarness.Second;
        var forwarded = 0;
        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                frame.CopyTo(buffer, 0);
                var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
                forwarded += nat.Engine.Process(ref packet, LinkType.Ethernet, now).Action == NatAction.Forward ? 1 : 0;
                now += 1000;
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(forwarded >= 400_000);
        Assert.Equal(1, nat.Engine.Flows.Count);
    }

    [Fact]
    public void Creating_and_expiring_flows_allocates_nothing_once_warm()
    {
        var nat = Pat(TestPolicies.Behavior(portPreservation: false), options: new NatEngineOptions(FlowCapacity: 4096, MappingCapacity: 4096));
        var frames = new byte[2000][];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = PacketBuilder.Udp(HostA + (uint)(i % 50), (ushort)(2000 + i), Server1, 53);
        }

        var buffer = new byte[2048];
        var round = 0;
        var forwarded = 0;

        // Each round is 10,000 s after the last, so every flow of the previous round expires and is replaced.
        var allocated = Allocations.Quietest(() =>
        {
            round++;
            foreach (var frame in frames)
            {
                frame.CopyTo(buffer, 0);
                var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
                forwarded += nat.Engine.Process(ref packet, LinkType.Ethernet, (round * 10_000) * NatHarness.Second).Action == NatAction.Forward ? 1 : 0;
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(round * frames.Length, forwarded);
        Assert.Equal((round - 1L) * frames.Length, nat.Engine.FlowsExpired);
    }

    [Fact]
    public void Unsupported_rules_are_listed_with_their_reason()
    {
        var rule = TestPolicies.PatOnInterface() with { Direction = NatDirection.OutsideSource };
        var engine = TestEngines.Nat(TestPolicies.Policy([rule]));
        Assert.Contains(engine.Rules.Unsupported, text => text.Contains("OutsideSource", StringComparison.Ordinal));
    }

    private static void Handshake(NatHarness nat, long at)
    {
        nat.Send(PacketBuilder.Tcp(HostA, 50000, Server1, 443, TcpFlags.Syn, 1000), at);
        nat.Send(PacketBuilder.Tcp(Server1, 443, Outside, 50000, TcpFlags.Syn | TcpFlags.Ack, 2000, 1001), at);
        nat.Send(PacketBuilder.Tcp(HostA, 50000, Server1, 443, TcpFlags.Ack, 1001, 2001), at);
    }

    /// <summary>Splits an Ethernet/IPv4 frame into fragments carrying at most <paramref name="chunk"/> payload bytes each.</summary>
    private static List<byte[]> Fragment(byte[] frame, int chunk)
    {
        var ip = frame.AsSpan(14);
        var headerLength = (ip[0] & 0x0F) * 4;
        var payload = ip[headerLength..].ToArray();
        var fragments = new List<byte[]>();
        for (var offset = 0; offset < payload.Length; offset += chunk)
        {
            var length = Math.Min(chunk, payload.Length - offset);
            var more = offset + length < payload.Length;
            var piece = PacketBuilder.Ipv4(
                BinaryPrimitives.ReadUInt32BigEndian(ip[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(ip[16..]),
                ip[9],
                payload.AsSpan(offset, length),
                withChecksum: false,
                identification: 0x7777,
                fragmentField: (ushort)((more ? 0x2000 : 0) | (offset / 8)));
            fragments.Add(piece);
        }

        return fragments;
    }
}
