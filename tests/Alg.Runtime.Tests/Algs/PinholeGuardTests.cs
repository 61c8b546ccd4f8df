using System.Text;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Algs;

/// <summary>
/// The pinhole invariants live in the runtime, so no ALG can forget them (reference algs.md §0; RFC 2577 for
/// the bounce shape; NAT Slipstreaming for pinholes to other hosts and low ports): whatever an ALG asks for,
/// a pinhole leads only to the inside host whose message asked, from or to its signalling peer, never to
/// port 0, a privileged port, the gateway, broadcast, multicast or loopback, always expires, is capped per
/// signalling flow, and dies with it. Each refusal is counted with its reason.
/// </summary>
public sealed class PinholeGuardTests
{
    private static readonly uint Phone = Ip.V4("192.168.1.10");
    private static readonly uint Neighbour = Ip.V4("192.168.1.11");
    private static readonly uint Server = Ip.V4("198.51.100.20");
    private static readonly long Minute = 60 * NatTimeouts.Second;

    private static ExpectationSpec Inbound(in AlgFlowContext c, uint to, ushort port = 30000, long lifetime = 0) =>
        new(IpProtocol.Udp, FlowSide.Outside, ExpectedPeer.AddressOnly(c.Remote.Address, "test"), c.Mapped.Address, port, to, port, lifetime == 0 ? Minute : lifetime, false, c.Flow, c.OwnerTag);

    public static TheoryData<string, PinholeRefusal> Shapes() => new()
    {
        { "to-the-sender", PinholeRefusal.None },
        { "to-another-inside-host", PinholeRefusal.NotTheSendersAddress },
        { "port-zero", PinholeRefusal.PortZero },
        { "privileged-port", PinholeRefusal.PrivilegedPort },
        { "no-lifetime", PinholeRefusal.BadLifetime },
        { "never-expires", PinholeRefusal.BadLifetime },
        { "outbound-to-a-third-host", PinholeRefusal.NotTheSignallingPeer },
        { "outbound-to-multicast", PinholeRefusal.NotTheSignallingPeer },
        { "outbound-to-anyone-ungated", PinholeRefusal.NotTheSignallingPeer },
        { "map-entry-gated-on-the-signalling-server", PinholeRefusal.None },
        { "map-entry-gated-on-another-port", PinholeRefusal.ProxyNotTheServer },
        { "map-entry-gated-on-another-host", PinholeRefusal.ProxyNotTheServer },
    };

    private static ExpectationSpec Build(string shape, AlgFlowContext c) => shape switch
    {
        "to-the-sender" => Inbound(c, c.Inside.Address),
        "to-another-inside-host" => Inbound(c, Neighbour),
        "port-zero" => Inbound(c, c.Inside.Address, port: 0),
        "privileged-port" => Inbound(c, c.Inside.Address, port: 22),
        "no-lifetime" => Inbound(c, c.Inside.Address) with { LifetimeNanoseconds = 0 },
        "never-expires" => Inbound(c, c.Inside.Address) with { LifetimeNanoseconds = long.MaxValue },
        "outbound-to-a-third-host" => new(IpProtocol.Udp, FlowSide.Inside, ExpectedPeer.AddressOnly(c.Inside.Address, "test"), Ip.V4("203.0.113.99"), 30000, Ip.V4("203.0.113.99"), 30000, Minute, false, c.Flow, c.OwnerTag),
        "outbound-to-multicast" => new(IpProtocol.Udp, FlowSide.Inside, ExpectedPeer.AddressOnly(c.Inside.Address, "test"), Ip.V4("224.0.0.251"), 30000, Ip.V4("224.0.0.251"), 30000, Minute, false, c.Flow, c.OwnerTag),
        "outbound-to-anyone-ungated" => new(IpProtocol.Udp, FlowSide.Inside, ExpectedPeer.UnknownBecause("test"), c.Remote.Address, 30000, c.Remote.Address, 30000, Minute, false, c.Flow, c.OwnerTag),
        "map-entry-gated-on-the-signalling-server" => MapEntry(c, new AdmissionProxy(IpProtocol.Udp, c.Remote.Address, c.Remote.Port, c.Remote.Address, c.Remote.Port)),
        "map-entry-gated-on-another-port" => MapEntry(c, new AdmissionProxy(IpProtocol.Udp, c.Remote.Address, 53, c.Remote.Address, 53)),
        "map-entry-gated-on-another-host" => MapEntry(c, new AdmissionProxy(IpProtocol.Udp, Ip.V4("203.0.113.99"), c.Remote.Port, Ip.V4("203.0.113.99"), c.Remote.Port)),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    // A port mapper's map entry: any client inside whom the ACL lets reach the proxy endpoint may reach the server's port.
    private static ExpectationSpec MapEntry(in AlgFlowContext c, AdmissionProxy proxy) =>
        new(IpProtocol.Tcp, FlowSide.Inside, ExpectedPeer.UnknownBecause("map entry"), c.Remote.Address, 30000, c.Remote.Address, 30000, Minute, true, c.Flow, c.OwnerTag, AdmitLike: proxy);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_shape_is_opened_or_refused_and_counted_with_its_reason(string shape, PinholeRefusal expected)
    {
        var (engine, counters) = Engine(c => Build(shape, c));

        Send(engine, Phone, 7777);

        Assert.Equal(expected == PinholeRefusal.None ? 1 : 0, engine.Expectations.Count);
        Assert.Equal(expected == PinholeRefusal.None ? 0 : 1, counters().PinholesRefused);
        if (expected != PinholeRefusal.None)
        {
            Assert.Equal(expected, counters().LastPinholeRefusal);
            Assert.Equal(1, counters().PinholesRefusedBy[(int)expected]);
        }
    }

    [Fact]
    public void A_privileged_port_opens_only_for_a_protocol_that_declares_it_needs_one()
    {
        var (engine, _) = Engine(c => Inbound(c, c.Inside.Address, port: 1023), privilegedPorts: true);

        Send(engine, Phone, 7777);

        Assert.Equal(1, engine.Expectations.Count);
    }

    [Fact]
    public void One_signalling_flow_holds_at_most_the_cap()
    {
        var next = 30000;
        var (engine, counters) = Engine(c => Inbound(c, c.Inside.Address, port: (ushort)next++));

        for (var i = 0; i < PinholeGuard.MaxPerMaster + 5; i++)
        {
            Send(engine, Phone, 7777);
        }

        Assert.Equal(PinholeGuard.MaxPerMaster, engine.Expectations.Count);
        Assert.Equal(5, counters().PinholesRefusedBy[(int)PinholeRefusal.TooManyForMaster]);
    }

    [Fact]
    public void Pinholes_die_with_their_signalling_flow_unless_asked_to_outlive_it()
    {
        var outlives = false;
        var (engine, _) = Engine(c => Inbound(c, c.Inside.Address, port: (ushort)(outlives ? 30002 : 30000), lifetime: 3_600 * NatTimeouts.Second) with { OutlivesMaster = outlives });
        Send(engine, Phone, 7777);
        outlives = true;
        Send(engine, Phone, 7777);
        Assert.Equal(2, engine.Expectations.Count);

        // The UDP signalling flow idles out long before the pinholes would.
        engine.ExpireState(20 * Minute);

        Assert.Equal(1, engine.Expectations.Count);
    }

    private static (NatEngine Engine, Func<AlgCounters> Counters) Engine(Func<AlgFlowContext, ExpectationSpec> ask, bool privilegedPorts = false)
    {
        var alg = new PinholeAskingAlg(ask, privilegedPorts);
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]);
        policy = policy with { Algs = [AlgPolicies.Enabled(alg.Descriptor)] };
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 256));
        engine.UseAlgs(new AlgStage([alg], TestEngines.Program(policy)));
        return (engine, () => engine.Algs!.CountersFor("test-pinhole"));
    }

    private static void Send(NatEngine engine, uint source, ushort port)
    {
        var frame = PacketBuilder.Udp(source, 40000, Server, port, Encoding.ASCII.GetBytes("hello"));
        var buffer = new byte[2048];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        engine.Process(ref packet, ref info, NatTimeouts.Second, IngressSide.Inside);
    }
}
