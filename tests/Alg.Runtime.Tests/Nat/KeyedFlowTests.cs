using System.Runtime.CompilerServices;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Nat;

/// <summary>
/// Flows of protocols without ports, on both engines: ESP keyed by SPI (RFC 4303 §2.1, one flow per security
/// association and direction), GRE outside a PPTP call by its addresses (RFC 2784), the flow entry still 96 bytes.
/// </summary>
public sealed class KeyedFlowTests
{
    private static readonly uint Outside = Ip.V4(TestPolicies.OutsideAddress);
    private static readonly uint HostA = Ip.V4("192.168.1.10");
    private static readonly uint HostB = Ip.V4("192.168.1.11");
    private static readonly uint Peer = Ip.V4("198.51.100.7");
    private static readonly uint OtherPeer = Ip.V4("198.51.100.8");

    private static NatHarness Pat() => new(TestPolicies.Policy([TestPolicies.PatOnInterface()]));

    [Fact]
    public void A_flow_entry_stays_96_bytes_with_the_gre_key_and_idle_time_in_its_padding()
    {
        Assert.Equal(96, Unsafe.SizeOf<FlowEntry>());
        Assert.Equal(16, Unsafe.SizeOf<FlowKey>());
    }

    [Fact]
    public void Esp_of_two_inside_hosts_leaves_through_one_address_and_comes_back_when_one_host_talks_to_the_peer_rfc3715_2_2()
    {
        var nat = Pat();
        var a = nat.Send(TunnelPackets.Esp(HostA, Peer, 0x1000), 1, IngressSide.Inside);
        var b = nat.Send(TunnelPackets.Esp(HostB, OtherPeer, 0x2000), 1, IngressSide.Inside);
        Assert.Equal((NatAction.Forward, Outside), (a.Verdict.Action, a.Info.SourceAddress));
        Assert.Equal((NatAction.Forward, Outside), (b.Verdict.Action, b.Info.SourceAddress));
        Assert.Equal(0x1000u, a.Info.EspSpi);

        // Each peer's inbound security association (an SPI no flow knows) goes to the one host that talks to it.
        var toA = nat.Send(TunnelPackets.Esp(Peer, Outside, 0xA1), 2, IngressSide.Outside);
        Assert.Equal((NatAction.Forward, HostA), (toA.Verdict.Action, toA.Info.DestinationAddress));
        var toB = nat.Send(TunnelPackets.Esp(OtherPeer, Outside, 0xB1), 2, IngressSide.Outside);
        Assert.Equal(HostB, toB.Info.DestinationAddress);

        // Pinned: the SPI is A's from now on; the payload is never touched.
        var again = nat.Send(TunnelPackets.Esp(Peer, Outside, 0xA1, 2), 3, IngressSide.Outside);
        Assert.Equal(HostA, again.Info.DestinationAddress);
        Assert.Equal(TunnelPackets.Esp(Peer, HostA, 0xA1, 2).AsSpan(34).ToArray(), again.Frame.AsSpan(34).ToArray());
        Assert.True(PacketBuilder.ChecksumsValid(again.Frame));
    }

    [Fact]
    public void Inbound_esp_is_refused_when_two_inside_hosts_talk_to_the_same_peer_without_spi_matching()
    {
        var nat = Pat();
        nat.Send(TunnelPackets.Esp(HostA, Peer, 0x1000), 1, IngressSide.Inside);
        nat.Send(TunnelPackets.Esp(HostB, Peer, 0x2000), 1, IngressSide.Inside);

        var inbound = nat.Send(TunnelPackets.Esp(Peer, Outside, 0xA1), 2, IngressSide.Outside);
        Assert.Equal(DropReason.EspAmbiguous, inbound.Verdict.Reason);
        Assert.Equal(1, nat.Engine.Drops[DropReason.EspAmbiguous]);
        Assert.Equal(DropReason.NoMapping, nat.Send(TunnelPackets.Esp(OtherPeer, Outside, 0xA1), 2, IngressSide.Outside).Verdict.Reason);
    }

    [Fact]
    public void An_icmp_error_about_esp_that_left_reaches_its_inside_host_rfc5508_req3()
    {
        var nat = Pat();
        var left = nat.Send(TunnelPackets.Esp(HostA, Peer, 0x1000), 1, IngressSide.Inside);
        var error = PacketBuilder.IcmpError(Ip.V4("198.51.100.1"), Outside, 3, 4, left.Frame);

        var translated = nat.Send(error, 2, IngressSide.Outside);
        Assert.Equal(NatAction.Forward, translated.Verdict.Action);
        Assert.Equal(HostA, translated.Info.DestinationAddress);
    }

    [Fact]
    public void Gre_outside_a_pptp_call_is_a_flow_of_its_addresses_rfc2784()
    {
        var nat = Pat();
        var plain = PacketBuilder.Ipv4(HostA, Peer, IpProtocol.Gre, [0x00, 0x00, 0x08, 0x00, 0x45, 0, 0, 0], withChecksum: false);
        var enhanced = TunnelPackets.Gre(HostA, Peer, 7);

        Assert.Equal(Outside, nat.Send(plain, 1, IngressSide.Inside).Info.SourceAddress);
        Assert.Equal(Outside, nat.Send(enhanced, 1, IngressSide.Inside).Info.SourceAddress);
        var back = nat.Send(TunnelPackets.Gre(Peer, Outside, 42), 2, IngressSide.Outside);
        Assert.Equal(HostA, back.Info.DestinationAddress);

        // The call id is left as it came: only the PPTP ALG's tunnels translate it.
        Assert.Equal(42, TunnelPackets.GreCallId(back.Frame));
        Assert.Equal(1, nat.Engine.FlowsCreated);
    }
}
