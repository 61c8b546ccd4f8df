using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Ios;

/// <summary>
/// Names IOS resolves outside NAT and filtering: a structure one of these commands names is in use, and one it
/// names that does not exist is undefined. Command forms: Cisco IOS IP Routing: BGP Command Reference
/// (neighbor route-map, neighbor prefix-list, neighbor distribute-list), IP Routing Protocol-Independent
/// Commands (redistribute, distribute-list), Cisco IOS Security Command Reference (access-class, ip http
/// access-class, crypto map match address), Network Management (snmp-server community) and Basic System
/// Management (ntp access-group) Command References.
/// </summary>
public sealed class IosReferenceTests
{
    [Fact]
    public void Route_maps_named_by_bgp_neighbors_and_redistribution_are_used()
    {
        var result = Configs.Load(
            "router bgp 1\n neighbor 10.0.0.1 remote-as 2\n address-family ipv4\n  neighbor 10.0.0.1 route-map IN in\n  neighbor 10.0.0.1 route-map OUT out\n exit-address-family\n" +
            "router ospf 1\n redistribute connected subnets route-map CONN\n" +
            "route-map IN permit 10\nroute-map OUT permit 10\nroute-map CONN permit 10\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
    }

    [Fact]
    public void A_route_map_a_neighbor_names_but_nobody_defines_is_undefined_outside_translation()
    {
        var result = Configs.Load("router bgp 1\n neighbor 10.0.0.1 route-map MISSING in\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UndefinedReference));
        var undefined = result.Single(DiagnosticCatalog.UndefinedReferenceOutsideTranslation);
        Assert.Contains("route-map 'MISSING'", undefined.Message, StringComparison.Ordinal);
        Assert.Equal(2, undefined.Span.Line);
    }

    [Fact]
    public void Match_ip_address_prefix_list_names_a_prefix_list_not_an_access_list()
    {
        var result = Configs.Load("ip prefix-list OUT seq 5 permit 10.0.0.0/8 le 24\nroute-map RM permit 10\n match ip address prefix-list OUT\n match community C1\nrouter bgp 1\n neighbor 1.1.1.1 route-map RM out\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UndefinedReference));
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
    }

    [Fact]
    public void An_undefined_prefix_list_is_reported_as_a_prefix_list()
    {
        var result = Configs.Load("route-map RM permit 10\n match ip address prefix-list NOPE\nrouter bgp 1\n neighbor 1.1.1.1 route-map RM out\n");

        Assert.Contains("prefix list 'NOPE'", result.Single(DiagnosticCatalog.UndefinedReferenceOutsideTranslation).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_access_list_missing_for_nat_and_for_snmp_is_an_error()
    {
        var result = Configs.Load("snmp-server community c RO 7\ninterface e0\n ip address 192.0.2.1 255.255.255.0\n ip nat outside\nip nat inside source list 7 interface e0 overload\n");

        Assert.Equal(1, result.Single(DiagnosticCatalog.UndefinedReference).Span.Line);
        Assert.Empty(result.WithCode(DiagnosticCatalog.UndefinedReferenceOutsideTranslation));
    }

    [Fact]
    public void An_unused_prefix_list_is_not_reported()
    {
        var result = Configs.Load("ip prefix-list ROUTES seq 5 permit 10.0.0.0/8\ninterface e0\n ip address 10.0.0.1 255.255.255.0\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
    }

    [Theory]
    [InlineData("line vty 0 4\n access-class 23 in\n transport input ssh\n exec-timeout 5 0\n")]
    [InlineData("snmp-server community public RO 23\n")]
    [InlineData("snmp-server community private view iso RW 23\n")]
    [InlineData("ip http access-class 23\n")]
    [InlineData("ntp access-group peer 23\n")]
    [InlineData("crypto map VPN 10 ipsec-isakmp\n set peer 192.0.2.1\n match address 23\n")]
    [InlineData("router ospf 1\n distribute-list 23 in\n")]
    [InlineData("router bgp 1\n neighbor 192.0.2.1 distribute-list 23 out\n")]
    public void Access_lists_named_by_management_and_routing_commands_are_used(string use)
    {
        var result = Configs.Load("access-list 23 permit 10.0.0.0 0.0.0.255\ninterface e0\n ip address 10.0.0.1 255.255.255.0\n" + use);

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        result.NoErrors();
    }

    [Fact]
    public void An_snmp_community_without_a_list_uses_none()
    {
        var result = Configs.Load("access-list 23 permit any\ninterface e0\n ip address 10.0.0.1 255.255.255.0\nsnmp-server community public RO\n");

        Assert.Equal(1, result.Single(DiagnosticCatalog.UnusedDefinition).Span.Line);
    }

    [Fact]
    public void A_crypto_map_on_an_interface_does_not_swallow_the_lines_after_it()
    {
        var policy = Configs.Policy("interface e0\n crypto map VPN\n ip nat outside\n ip address 192.0.2.1 255.255.255.0\n");

        Assert.Equal(InterfaceRole.Outside, policy.FindInterface("e0")!.Role);
    }

    [Fact]
    public void Settings_of_routing_and_line_blocks_load_silently_and_the_block_ends_at_the_next_global_line()
    {
        var result = Configs.Load("router bgp 65000\n bgp log-neighbor-changes\n neighbor 10.0.0.2 remote-as 65001\nline con 0\n stopbits 1\n logging synchronous\ninterface e0\n ip nat inside\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        Assert.Equal(InterfaceRole.Inside, result.Bound!.Policy.FindInterface("e0")!.Role);
    }

    [Fact]
    public void A_file_of_access_lists_alone_is_a_fragment_whose_lists_are_not_unused()
    {
        var result = Configs.Load("no ip access-list extended EDGE\nip access-list extended EDGE\n permit tcp any any eq 443\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
        result.NoErrors();
    }

    [Fact]
    public void No_ip_access_list_deletes_the_list()
    {
        var policy = Configs.Policy("ip access-list extended EDGE\n permit tcp any any eq 443\nno ip access-list extended EDGE\nip access-list extended EDGE\n deny ip any any\n");

        Assert.Equal(AclAction.Deny, policy.Acls.Single().Entries.Single().Action);
    }

    [Fact]
    public void The_self_zone_is_defined_by_the_router()
    {
        var result = Configs.Load(
            "zone security in\ninterface e0\n zone-member security in\nclass-map type inspect match-any C\n match protocol tcp\n" +
            "policy-map type inspect P\n class type inspect C\n  inspect\nzone-pair security a source in destination self\n service-policy type inspect P\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UndefinedReference));
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
    }

    [Theory]
    [InlineData("interface e0\n ip address 10.0.0.1 255.255.255.0\n ip policy route-map PBR\n")]
    [InlineData("interface e0\n ip address 10.0.0.1 255.255.255.0\nip local policy route-map PBR\n")]
    public void Policy_routing_uses_its_route_map(string use)
    {
        var result = Configs.Load("route-map PBR permit 10\n set ip next-hop 10.0.0.2\n" + use);

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
        result.NoErrors();
    }

    [Fact]
    public void A_qos_class_map_uses_the_access_lists_it_matches()
    {
        var result = Configs.Load("ip access-list extended VOICE\n permit udp any any range 16384 32767\naccess-list 150 permit ip any any\ninterface e0\n ip address 10.0.0.1 255.255.255.0\n" +
            "class-map match-any VOICE\n match access-group name VOICE\n match dscp ef\nclass-map BULK\n match access-group 150\nclass-map type inspect match-any C\n match protocol sip\n");

        Assert.DoesNotContain(result.WithCode(DiagnosticCatalog.UnusedDefinition), d => d.Message.Contains("access list", StringComparison.Ordinal));
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        result.NoErrors();
    }
}
