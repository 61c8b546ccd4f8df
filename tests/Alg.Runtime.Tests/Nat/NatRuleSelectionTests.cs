using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Nat;

/// <summary>Which rule translates a new flow: ACL selection, exemptions, statics before dynamics.</summary>
public sealed class NatRuleSelectionTests
{
    private static readonly uint Outside = Ip.V4(TestPolicies.OutsideAddress);
    private static readonly uint Server = Ip.V4("198.51.100.7");

    [Fact]
    public void Standard_acl_selects_the_sources_pat_applies_to()
    {
        // ip nat inside source list 1 interface outside overload; access-list 1 deny host .66, permit 192.168.1.0/24.
        var acl = TestPolicies.StandardAcl("1", (AclAction.Deny, "192.168.1.66", 32), (AclAction.Permit, "192.168.1.0", 24));
        var nat = new NatHarness(TestPolicies.Policy([TestPolicies.PatOnInterfaceForAcl("1")], acls: [acl]));

        Assert.Equal(Outside, nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.10"), 1000, Server, 53), 1).Info.SourceAddress);
        Assert.Equal(Ip.V4("192.168.1.66"), nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.66"), 1000, Server, 53), 1).Info.SourceAddress);
        Assert.Equal(Ip.V4("10.9.9.9"), nat.Send(PacketBuilder.Udp(Ip.V4("10.9.9.9"), 1000, Server, 53), 1).Info.SourceAddress);
    }

    [Fact]
    public void Extended_acl_matches_protocol_destination_and_port()
    {
        var web = new Acl("WEB", AclKind.Extended, [TestPolicies.Entry(10, AclAction.Permit, IpProtocol.Tcp, TestPolicies.Match("192.168.1.0", 24), AddressMatch.Any, [PortRange.Single(443)])], SourceSpan.None);
        var nat = new NatHarness(TestPolicies.Policy([TestPolicies.PatOnInterfaceForAcl("WEB")], acls: [web]));

        Assert.Equal(Outside, nat.Send(PacketBuilder.Tcp(Ip.V4("192.168.1.10"), 40000, Server, 443, TcpFlags.Syn), 1).Info.SourceAddress);
        Assert.Equal(Ip.V4("192.168.1.10"), nat.Send(PacketBuilder.Tcp(Ip.V4("192.168.1.10"), 40001, Server, 80, TcpFlags.Syn), 1).Info.SourceAddress);
        Assert.Equal(Ip.V4("192.168.1.10"), nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.10"), 40002, Server, 443), 1).Info.SourceAddress);
    }

    [Fact]
    public void Exemption_before_pat_leaves_matching_traffic_untranslated_and_replies_still_return()
    {
        // ASA "nat (inside) 0 access-list VPN": traffic to the VPN peer network is not translated.
        var vpn = new Acl("VPN", AclKind.Extended, [TestPolicies.Entry(10, AclAction.Permit, null, TestPolicies.Match("192.168.1.0", 24), TestPolicies.Match("10.50.0.0", 16), [])], SourceSpan.None);
        var nat = new NatHarness(TestPolicies.Policy([TestPolicies.ExemptForAcl("VPN", order: 1), TestPolicies.PatOnInterface(order: 2)], acls: [vpn]));

        var exempt = nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.10"), 1000, Ip.V4("10.50.1.1"), 53), 1);
        Assert.Equal(Ip.V4("192.168.1.10"), exempt.Info.SourceAddress);
        var reply = nat.Send(PacketBuilder.Udp(Ip.V4("10.50.1.1"), 53, Ip.V4("192.168.1.10"), 1000), 1);
        Assert.Equal(NatAction.Forward, reply.Verdict.Action);
        Assert.True(reply.Verdict.IsReply);

        Assert.Equal(Outside, nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.10"), 1000, Server, 53), 1).Info.SourceAddress);
    }

    [Fact]
    public void Static_mapping_wins_over_a_dynamic_rule_listed_first()
    {
        var nat = new NatHarness(TestPolicies.Policy([TestPolicies.PatOnInterface(order: 1), TestPolicies.Static("192.168.1.20", "203.0.113.20", order: 50)]));
        Assert.Equal(Ip.V4("203.0.113.20"), nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.20"), 1000, Server, 53), 1).Info.SourceAddress);
        Assert.Equal(Outside, nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.21"), 1000, Server, 53), 1).Info.SourceAddress);
    }

    [Fact]
    public void Inactive_rules_are_ignored()
    {
        var nat = new NatHarness(TestPolicies.Policy([TestPolicies.PatOnInterface() with { Inactive = true }]));
        Assert.Equal(Ip.V4("192.168.1.10"), nat.Send(PacketBuilder.Udp(Ip.V4("192.168.1.10"), 1000, Server, 53), 1).Info.SourceAddress);
    }

    [Fact]
    public void Rule_naming_an_undefined_acl_is_reported_not_applied()
    {
        var engine = TestEngines.Nat(TestPolicies.Policy([TestPolicies.PatOnInterfaceForAcl("MISSING")]));
        Assert.Contains(engine.Rules.Unsupported, text => text.Contains("ACL 'MISSING' is not defined", StringComparison.Ordinal));
        Assert.Empty(engine.Rules.Rules);
    }
}
