using Alg.Policy.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.IpsecNat;

/// <summary>
/// IPsec-NAT through NatEngine + AlgStage on both policy engines (RFC 3715 §2.2, RFC 3947/3948, RFC 4303; algs.md §13):
/// ESP from two inside hosts to one peer without NAT traversal, each getting only its own replies through the gate its
/// IKE opened; inbound ESP without a gate refused; one gate per peer at a time; NAT traversal left as plain NAPT with
/// nothing inside IKE or ESP changed; IKE's port kept where the policy says; the policy's idle timeout.
/// </summary>
public sealed class IpsecNatAlgTests
{
    private static readonly uint SecondHost = Ip.V4("192.168.1.11");
    private static readonly uint Peer = AlgHarness.Server;

    private static AlgHarness Gateway(bool spiMatch = true, bool preservePort = false, long? timeout = null)
    {
        var options = new List<(string, AlgOptionValue)> { ("spi-match", AlgOptionValue.FromBoolean(spiMatch)), ("preserve-port", AlgOptionValue.FromBoolean(preservePort)) };
        if (timeout is { } seconds)
        {
            options.Add(("timeout", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, seconds)));
        }

        var policy = TestPolicies.Policy(
            [TestPolicies.PatOnInterface() with { RealAddresses = [] }],
            TestPolicies.Behavior(filtering: Alg.Policy.Model.FilteringBehavior.AddressAndPortDependent, portPreservation: false));
        return new AlgHarness("ipsec-nat", 500, policy, default, FtpEngine.Both, [.. options]);
    }

    private static SentPacket Ike(AlgHarness gateway, uint host, byte[] message, ushort port = 500) =>
        gateway.Udp(host, port, Peer, port, IngressSide.Inside, message);

    private static SentPacket IkeBack(AlgHarness gateway, SentPacket to, byte[] message) =>
        gateway.Udp(Peer, to.Info.DestinationPort, AlgHarness.Public, to.Info.SourcePort, IngressSide.Outside, message);

    private static SentPacket EspOut(AlgHarness gateway, uint host, uint spi, uint sequence = 1) =>
        gateway.Send(TunnelPackets.Esp(host, Peer, spi, sequence), IngressSide.Inside);

    private static SentPacket EspIn(AlgHarness gateway, uint spi, uint sequence = 1) =>
        gateway.Send(TunnelPackets.Esp(Peer, AlgHarness.Public, spi, sequence), IngressSide.Outside);

    [Fact]
    public void Esp_from_two_hosts_to_one_peer_without_nat_traversal_each_gets_only_its_replies_rfc3715_2_2()
    {
        var gateway = Gateway();

        // Host A negotiates (IKE_SA_INIT without NAT detection, IKE_AUTH) and sends its ESP; the peer's first ESP (an SPI
        // no flow knows) comes through A's gate and is pinned to A.
        var init = Ike(gateway, AlgHarness.Client, IkeMessages.IkeSaInit(0xA, natDetection: false));
        IkeBack(gateway, init, IkeMessages.IkeSaInit(0xA, natDetection: false));
        Ike(gateway, AlgHarness.Client, IkeMessages.IkeAuth(0xA));
        Assert.True(IkeBack(gateway, init, IkeMessages.IkeAuth(0xA, response: true)).Forwarded);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
        Assert.Equal(AlgHarness.Public, EspOut(gateway, AlgHarness.Client, 0xC0000001).Info.SourceAddress);
        var firstToA = EspIn(gateway, 0xA0000001);
        Assert.Equal((NatAction.Forward, AlgHarness.Client), (firstToA.Verdict.Action, firstToA.Info.DestinationAddress));
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        // Host B does the same with the same peer through the same address.
        var initB = Ike(gateway, SecondHost, IkeMessages.IkeSaInit(0xB, natDetection: false));
        Ike(gateway, SecondHost, IkeMessages.IkeAuth(0xB));
        IkeBack(gateway, initB, IkeMessages.IkeAuth(0xB, response: true));
        Assert.Equal(AlgHarness.Public, EspOut(gateway, SecondHost, 0xC0000002).Info.SourceAddress);
        var firstToB = EspIn(gateway, 0xB0000001);
        Assert.Equal(SecondHost, firstToB.Info.DestinationAddress);

        // From now on each SPI goes to its own host only, both ways, and nothing inside ESP changed.
        for (uint sequence = 2; sequence < 6; sequence++)
        {
            var toA = EspIn(gateway, 0xA0000001, sequence);
            var toB = EspIn(gateway, 0xB0000001, sequence);
            Assert.Equal(AlgHarness.Client, toA.Info.DestinationAddress);
            Assert.Equal(SecondHost, toB.Info.DestinationAddress);
            Assert.Equal(TunnelPackets.Esp(Peer, AlgHarness.Client, 0xA0000001, sequence).AsSpan(34).ToArray(), toA.Frame.AsSpan(34).ToArray());
            Assert.True(PacketBuilder.ChecksumsValid(toB.Frame));
            Assert.Equal(AlgHarness.Public, EspOut(gateway, AlgHarness.Client, 0xC0000001, sequence).Info.SourceAddress);
            Assert.Equal(AlgHarness.Public, EspOut(gateway, SecondHost, 0xC0000002, sequence).Info.SourceAddress);
        }

        // Each IKE_AUTH message, request and response, opened (or renewed) its host's gate.
        Assert.Equal(4, gateway.Counters.PinholesOpened);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void Inbound_esp_of_an_unknown_spi_without_a_gate_is_refused_and_the_gate_expires_rfc3715_2_2()
    {
        var gateway = Gateway();
        EspOut(gateway, AlgHarness.Client, 0xC0000001);
        var refused = EspIn(gateway, 0xA0000001);
        Assert.Equal(DropReason.EspWithoutGate, refused.Verdict.Reason);
        Assert.Equal(1, gateway.Engine.Drops[DropReason.EspWithoutGate]);

        var init = Ike(gateway, AlgHarness.Client, IkeMessages.IkeSaInit(0xA, natDetection: false));
        IkeBack(gateway, init, IkeMessages.IkeAuth(0xA, response: true));
        Assert.Equal(1, gateway.Engine.Expectations.Count);
        gateway.Advance(31 * NatTimeouts.Second);
        Assert.Equal(DropReason.EspWithoutGate, EspIn(gateway, 0xA0000001).Verdict.Reason);
    }

    [Fact]
    public void A_second_host_negotiating_with_the_same_peer_waits_while_the_first_hosts_gate_is_open_algs_13_3()
    {
        var gateway = Gateway();
        Ike(gateway, AlgHarness.Client, IkeMessages.IkeSaInit(0xA, natDetection: false));
        Ike(gateway, AlgHarness.Client, IkeMessages.IkeAuth(0xA));
        Ike(gateway, SecondHost, IkeMessages.IkeSaInit(0xB, natDetection: false));

        var waiting = Ike(gateway, SecondHost, IkeMessages.IkeAuth(0xB));
        Assert.Equal(DropReason.AlgPolicyViolation, waiting.Verdict.Reason);
        Assert.Single(gateway.Counters.PolicyDropsBy);

        // A's ESP comes through A's gate; B's retransmission then opens B's.
        Assert.Equal(AlgHarness.Client, EspIn(gateway, 0xA0000001).Info.DestinationAddress);
        Assert.True(Ike(gateway, SecondHost, IkeMessages.IkeAuth(0xB)).Forwarded);
        Assert.Equal(SecondHost, EspIn(gateway, 0xB0000001).Info.DestinationAddress);
    }

    [Fact]
    public void Ikev1_quick_mode_opens_the_gate_and_informational_exchanges_do_not_rfc2409_5_5()
    {
        var gateway = Gateway();
        Ike(gateway, AlgHarness.Client, IkeMessages.Informational(0xA));
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Ike(gateway, AlgHarness.Client, IkeMessages.QuickMode(0xA));
        Assert.Equal(1, gateway.Engine.Expectations.Count);
        Assert.Equal(AlgHarness.Client, EspIn(gateway, 0x1234).Info.DestinationAddress);
    }

    [Fact]
    public void Nat_traversal_is_plain_napt_with_nothing_inside_ike_or_esp_changed_rfc3948_2()
    {
        var gateway = Gateway();
        var natD = IkeMessages.IkeSaInit(0xA, natDetection: true);
        var init = Ike(gateway, AlgHarness.Client, natD);
        Assert.Equal(natD, init.PayloadBytes);
        IkeBack(gateway, init, IkeMessages.IkeSaInit(0xA, natDetection: true));
        Ike(gateway, AlgHarness.Client, IkeMessages.IkeAuth(0xA));
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        // Floated to 4500: IKE after the non-ESP marker, ESP in UDP, NAT-keepalives; all pass as they came.
        byte[] marked = [0, 0, 0, 0, .. IkeMessages.IkeAuth(0xA)];
        var ike4500 = Ike(gateway, AlgHarness.Client, marked, 4500);
        Assert.Equal(marked, ike4500.PayloadBytes);
        byte[] espInUdp = [0xC0, 0, 0, 1, 0, 0, 0, 1, .. new byte[40]];
        var esp = gateway.Udp(AlgHarness.Client, 4500, Peer, 4500, IngressSide.Inside, espInUdp);
        Assert.Equal(espInUdp, esp.PayloadBytes);
        Assert.True(gateway.Udp(AlgHarness.Client, 4500, Peer, 4500, IngressSide.Inside, [0xFF]).Forwarded);
        var back = gateway.Udp(Peer, 4500, AlgHarness.Public, ike4500.Info.SourcePort, IngressSide.Outside, espInUdp);
        Assert.Equal((AlgHarness.Client, (ushort)4500), (back.Info.DestinationAddress, back.Info.DestinationPort));
        Assert.True(PacketBuilder.ChecksumsValid(back.Frame));
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Counters.Malformed);
    }

    [Fact]
    public void Ike_keeps_port_500_where_the_policy_preserves_it()
    {
        var preserving = Gateway(preservePort: true);
        Assert.Equal(500, Ike(preserving, AlgHarness.Client, IkeMessages.IkeSaInit(0xA, false)).Info.SourcePort);
        Assert.NotEqual(500, Ike(preserving, SecondHost, IkeMessages.IkeSaInit(0xB, false)).Info.SourcePort);

        var plain = Gateway();
        Assert.NotEqual(500, Ike(plain, AlgHarness.Client, IkeMessages.IkeSaInit(0xA, false)).Info.SourcePort);
    }

    [Fact]
    public void Esp_security_associations_idle_out_after_the_ipsec_nat_timeout()
    {
        var gateway = Gateway(timeout: 30);
        Ike(gateway, AlgHarness.Client, IkeMessages.QuickMode(0xA));
        EspOut(gateway, AlgHarness.Client, 0xC0000001);
        Assert.Equal(AlgHarness.Client, EspIn(gateway, 0xA0000001).Info.DestinationAddress);

        gateway.Advance(20 * NatTimeouts.Second);
        Assert.Equal(AlgHarness.Client, EspIn(gateway, 0xA0000001, 2).Info.DestinationAddress);
        gateway.Advance(31 * NatTimeouts.Second);
        Assert.Equal(DropReason.EspWithoutGate, EspIn(gateway, 0xA0000001, 3).Verdict.Reason);
    }

    [Fact]
    public void Without_spi_matching_inbound_esp_goes_to_the_one_host_that_talks_to_the_peer()
    {
        var gateway = Gateway(spiMatch: false);
        EspOut(gateway, AlgHarness.Client, 0xC0000001);
        Assert.Equal(AlgHarness.Client, EspIn(gateway, 0xA0000001).Info.DestinationAddress);
        EspOut(gateway, SecondHost, 0xC0000002);
        Assert.Equal(DropReason.EspAmbiguous, EspIn(gateway, 0xB0000001).Verdict.Reason);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void Ike_that_is_not_ike_is_counted_and_passes_untouched()
    {
        var gateway = Gateway();
        byte[] junk = [1, 2, 3, 4, 5];
        Assert.Equal(junk, Ike(gateway, AlgHarness.Client, junk).PayloadBytes);
        var badVersion = IkeMessages.IkeAuth(0xA);
        badVersion[17] = 0x30;
        Assert.True(Ike(gateway, AlgHarness.Client, badVersion).Forwarded);
        Assert.Equal(2, gateway.Counters.Malformed);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }
}
