using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Asa;

/// <summary>
/// ASA semantics that configurations from the wild showed wrong (issue #10): port names, pat-pool, inline mapped
/// addresses, management interfaces, real-address ACLs, source port groups, ACL uses on VPN lines, shadowing by line.
/// </summary>
public sealed class AsaWildFixesTests
{
    private const string Interfaces = """
        interface GigabitEthernet0/0
         nameif outside
         security-level 0
         ip address 203.0.113.1 255.255.255.0
        interface GigabitEthernet0/1
         nameif inside
         security-level 100
         ip address 192.168.1.1 255.255.255.0

        """;

    // ASA general configuration guide, "Addresses, Protocols, and Ports": nfs is 2049, vxlan 4789.
    [Fact]
    public void Asa_port_names_nfs_and_vxlan_are_known()
    {
        var result = Configs.Load("""
            object-group service NFS
             service-object udp destination eq nfs
             service-object udp destination eq vxlan
            access-list IN extended permit udp any any eq nfs
            """, Dialect.Asa);
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnknownPortName));
        var entry = Assert.Single(result.Bound!.Policy.FindAcl("IN")!.Entries);
        Assert.Equal(2049, entry.DestinationPorts.Single().Low);
    }

    [Fact]
    public void Pat_pool_names_the_pool_object_and_makes_pat()
    {
        var result = Configs.Load(Interfaces + """
            object network POOL
             range 203.0.113.20 203.0.113.29
            object network LAN
             subnet 192.168.1.0 255.255.255.0
             nat (inside,outside) dynamic pat-pool POOL round-robin
            object network LAN2
             subnet 192.168.2.0 255.255.255.0
            nat (inside,outside) source dynamic LAN2 pat-pool POOL extended flat include-reserve
            """, Dialect.Asa);
        Assert.Empty(result.WithCode(DiagnosticCatalog.UndefinedReference));
        Assert.All(result.Bound!.Policy.NatRules, rule => Assert.Equal(NatRuleKind.DynamicPat, rule.Kind));
        Assert.All(result.Bound!.Policy.NatRules, rule => Assert.Equal(Ipv4Address.Parse("203.0.113.29"), rule.MappedAddresses.Single().Last));
    }

    // ASA firewall configuration guide, static NAT: an inline mapped address takes the real network's mask.
    [Fact]
    public void Inline_mapped_address_of_static_object_nat_takes_the_real_subnet_mask()
    {
        var policy = Configs.Policy(Interfaces + """
            object network DMZ
             subnet 10.1.1.0 255.255.255.0
             nat (inside,outside) static 198.51.100.10
            """, Dialect.Asa);
        var mapped = Assert.Single(Assert.Single(policy.NatRules).MappedAddresses);
        Assert.Equal(Ipv4Address.Parse("198.51.100.0"), mapped.First);
        Assert.Equal(Ipv4Address.Parse("198.51.100.255"), mapped.Last);
    }

    [Theory]
    [InlineData("interface Management0/0\n nameif mgmt\n security-level 100\n ip address 192.168.9.1 255.255.255.0\n")]
    [InlineData("interface GigabitEthernet0/5\n nameif oob\n security-level 100\n management-only\n ip address 192.168.9.1 255.255.255.0\n")]
    [InlineData("interface GigabitEthernet0/5\n nameif management\n security-level 100\n ip address 192.168.9.1 255.255.255.0\n")]
    public void Management_interface_is_neither_inside_nor_outside(string management)
    {
        var policy = Configs.Policy(Interfaces + management, Dialect.Asa);
        Assert.Equal(InterfaceRole.Unassigned, policy.Interfaces[^1].Role);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("inside")!.Role);
    }

    [Fact]
    public void No_management_only_lets_the_management_port_carry_traffic()
    {
        var policy = Configs.Policy(Interfaces + "interface Management0/0\n nameif lan2\n security-level 100\n no management-only\n", Dialect.Asa);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("lan2")!.Role);
    }

    [Theory]
    [InlineData("ASA Version 9.8(2)\n", true)]
    [InlineData("ASA Version 8.3(1)\n", true)]
    [InlineData("ASA Version 8.2(5)\n", false)]
    [InlineData("PIX Version 7.2(4)\n", false)]
    [InlineData("", true)]
    public void Inbound_acls_name_real_addresses_from_asa_8_3(string banner, bool real)
    {
        var policy = Configs.Policy(banner + Interfaces + "access-list IN extended permit tcp any any\naccess-group IN in interface outside\n", Dialect.Asa);
        Assert.Equal(real, policy.FindInterface("outside")!.InboundAclMatchesRealAddresses);
        Assert.False(policy.FindInterface("inside")!.InboundAclMatchesRealAddresses);
    }

    [Fact]
    public void Legacy_nat_commands_without_a_banner_mean_mapped_addresses()
    {
        var policy = Configs.Policy(Interfaces + "static (inside,outside) 203.0.113.10 192.168.1.10 netmask 255.255.255.255\naccess-list IN extended permit tcp any any\naccess-group IN in interface outside\n", Dialect.Asa);
        Assert.False(policy.FindInterface("outside")!.InboundAclMatchesRealAddresses);
    }

    [Fact]
    public void A_service_group_after_the_source_is_source_ports_and_a_network_group_is_the_destination()
    {
        var result = Configs.Load("""
            object-group service WEB tcp
             port-object eq www
            object-group network SERVERS
             network-object host 192.0.2.1
            access-list IN permit tcp any object-group WEB any
            access-list IN permit tcp any object-group SERVERS
            access-list IN permit tcp any range 1000 1010 any
            """, Dialect.Asa);
        var entries = result.Bound!.Policy.FindAcl("IN")!.Entries;
        Assert.Equal(80, entries[0].SourcePorts.Single().Low);
        Assert.Equal(AddressMatch.Any, entries[0].Destinations.Single());
        Assert.Empty(entries[1].SourcePorts);
        Assert.Equal(Ipv4Address.Parse("192.0.2.1"), entries[1].Destinations.Single().Address);
        Assert.Empty(result.WithCode(DiagnosticCatalog.ShadowedAclRule));
    }

    [Fact]
    public void A_protocol_group_line_is_reported_shadowed_once_and_only_when_all_its_entries_are()
    {
        var result = Configs.Load("""
            object-group protocol PG
             protocol-object ah
             protocol-object eigrp
            object-group protocol PG2
             protocol-object ah
             protocol-object gre
            access-list IN extended permit ip 192.168.1.0 255.255.255.0 any
            access-list IN extended permit object-group PG 192.168.1.0 255.255.255.0 any
            access-list OUT extended permit ah any any
            access-list OUT extended permit object-group PG2 any any
            access-group IN in interface inside
            access-group OUT out interface inside
            """, Dialect.Asa);
        var shadowed = Assert.Single(result.WithCode(DiagnosticCatalog.ShadowedAclRule));
        Assert.Equal(8, shadowed.Span.Line);
    }

    [Fact]
    public void An_acl_used_only_by_a_crypto_map_or_group_policy_is_used()
    {
        var result = Configs.Load(Interfaces + """
            access-list VPN extended permit ip 192.168.1.0 255.255.255.0 10.0.0.0 255.0.0.0
            access-list SPLIT standard permit 192.168.1.0 255.255.255.0
            access-list FILTER extended permit ip any any
            crypto map MAP 10 match address VPN
            crypto map MAP interface outside
            group-policy GP attributes
             split-tunnel-network-list value SPLIT
             vpn-filter value FILTER
            """, Dialect.Asa);
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
        Assert.Empty(result.WithCode(DiagnosticCatalog.UndefinedReference));
    }

    [Fact]
    public void Nat_control_is_diagnosed_as_not_modelled()
    {
        var result = Configs.Load("PIX Version 7.2(4)\n" + Interfaces + "nat-control\n", Dialect.Asa);
        var warning = result.Single(DiagnosticCatalog.NotModelled);
        Assert.Contains("nat-control", warning.Message, StringComparison.Ordinal);
        Assert.Empty(Configs.Load("PIX Version 7.2(4)\n" + Interfaces + "no nat-control\n", Dialect.Asa).WithCode(DiagnosticCatalog.NotModelled));
    }

    [Fact]
    public void Password_policy_is_an_ignored_line()
    {
        var result = Configs.Load("password-policy minimum-length 15\npassword-policy lifetime 90\n", Dialect.Asa);
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
    }

    [Fact]
    public void Ipv6_acl_entries_parse_and_match_no_ipv4_packet()
    {
        var result = Configs.Load("""
            access-list V6 extended deny tcp 2001:db8:0:3::/64 eq www 2001:fc8:0:4::/64 eq telnet
            access-list V6 extended permit ip host 2001:db8::1 any6
            access-list V6 extended permit ip any4 any4
            """, Dialect.Asa);
        result.NoErrors();
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        var entry = Assert.Single(result.Bound!.Policy.FindAcl("V6")!.Entries);
        Assert.Equal(AddressMatch.Any, entry.Sources.Single());
    }

    // ASA command reference, access-list extended: "icmp_argument" names the ICMP type after the destination.
    [Fact]
    public void Icmp_type_is_diagnosed_and_never_shadows_a_later_icmp_line()
    {
        var result = Configs.Load("""
            access-list OUT extended permit icmp any any unreachable log interval 1
            access-list OUT extended permit icmp any any time-exceeded log interval 1
            access-list OUT extended permit icmp any any
            access-list OUT extended permit icmp any any echo
            access-group OUT in interface outside
            """, Dialect.Asa);
        Assert.Equal([1, 2, 4], result.WithCode(DiagnosticCatalog.NotModelled).Select(d => d.Span.Line).ToArray());
        var shadowed = Assert.Single(result.WithCode(DiagnosticCatalog.ShadowedAclRule));
        Assert.Equal(4, shadowed.Span.Line);
    }

    [Fact]
    public void Interface_operand_of_a_dhcp_interface_never_shadows_a_wider_line()
    {
        var result = Configs.Load("""
            interface Vlan2
             nameif outside
             security-level 0
             ip address dhcp setroute
            access-list IN permit icmp any interface outside
            access-list IN permit icmp any any
            access-group IN in interface outside
            """, Dialect.Asa);
        Assert.Empty(result.WithCode(DiagnosticCatalog.ShadowedAclRule));
    }
}
