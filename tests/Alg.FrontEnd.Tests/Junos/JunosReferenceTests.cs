using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Junos;

/// <summary>
/// Names resolved as an SRX resolves them (Junos OS Security Policies User Guide: address books and address
/// sets, the junos-host zone; NAT User Guide: source-address-name, destination-nat off), so "undefined" and
/// "unused" are true and no NAT rule is widened or dropped in silence.
/// </summary>
public sealed class JunosReferenceTests
{
    private const string Zones = """
        set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24
        set interfaces ge-0/0/1 unit 0 family inet address 192.0.2.1/24
        set security zones security-zone untrust interfaces ge-0/0/0.0
        set security zones security-zone trust interfaces ge-0/0/1.0
        set security nat source rule-set RS from zone trust
        set security nat source rule-set RS to zone untrust

        """;

    [Fact]
    public void An_address_set_in_a_nat_rule_is_its_members_not_every_address()
    {
        var policy = Configs.Policy(Zones + """
            set security nat source rule-set RS rule R match source-address-name OFFICE
            set security nat source rule-set RS rule R then source-nat interface
            set security zones security-zone trust address-book address PHONES 192.0.2.0/25
            set security zones security-zone trust address-book address-set OFFICE address PHONES
            set security zones security-zone trust address-book address-set OFFICE address-set MORE
            set security zones security-zone trust address-book address-set MORE address PRINTER
            set security zones security-zone trust address-book address PRINTER 192.0.2.200/32
            """);

        var rule = Assert.Single(policy.NatRules);
        Assert.Equal(["192.0.2.0/25", "192.0.2.200"], rule.RealAddresses.Select(r => r.ToString()).ToArray());
    }

    [Fact]
    public void A_nat_rule_on_a_dns_name_is_reported_not_widened()
    {
        var result = Configs.Load(Zones + """
            set security address-book global address CLOUD dns-name api.example.com
            set security nat source rule-set RS rule R match destination-address-name CLOUD
            set security nat source rule-set RS rule R then source-nat interface
            """, Dialect.Junos);

        Assert.Equal(8, result.Single(DiagnosticCatalog.NotModelled).Span.Line);
        Assert.Empty(result.Bound!.Policy.NatRules);
    }

    [Fact]
    public void Junos_host_is_predefined_and_zones_with_interfaces_are_in_use()
    {
        var result = Configs.Load(Zones + """
            set security nat source rule-set RS rule R match source-address 192.0.2.0/24
            set security nat source rule-set RS rule R then source-nat interface
            set security policies from-zone untrust to-zone junos-host policy ssh match source-address any
            set interfaces lo0 unit 0 family inet
            set security zones security-zone loopback interfaces lo0.0
            """, Dialect.Junos);

        Assert.Empty(result.WithCode(DiagnosticCatalog.UndefinedReference));
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
    }

    [Fact]
    public void Policy_uses_of_addresses_and_sets_count_and_an_unused_address_is_found()
    {
        var result = Configs.Load("""
            set security address-book global address WEB 198.51.100.10/32
            set security address-book global address OLD 198.51.100.11/32
            set security address-book global address-set SERVERS address WEB
            set security policies from-zone untrust to-zone trust policy in match destination-address SERVERS
            set security zones security-zone untrust interfaces ge-0/0/0.0
            set security zones security-zone trust interfaces ge-0/0/1.0
            """, Dialect.Junos);

        var unused = result.Single(DiagnosticCatalog.UnusedDefinition);
        Assert.Equal(2, unused.Span.Line);
        Assert.Contains("'OLD'", unused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Destination_nat_off_is_an_exemption_from_destination_nat_and_says_it_is_not_carried_out()
    {
        var result = Configs.Load(Zones + """
            set security nat destination rule-set DR from zone untrust
            set security nat destination rule-set DR rule keep match destination-address 203.0.113.1/32
            set security nat destination rule-set DR rule keep then destination-nat off
            """, Dialect.Junos);

        var rule = Assert.Single(result.Bound!.Policy.NatRules);
        Assert.Equal((NatRuleKind.Exempt, NatDirection.InsideDestination), (rule.Kind, rule.Direction));
        Assert.Single(result.WithCode(DiagnosticCatalog.NatRuleNotCarriedOut));
    }

    [Fact]
    public void A_missing_zone_is_reported_once_with_the_count_of_its_uses()
    {
        var result = Configs.Load("""
            set security policies from-zone inside to-zone trust policy a match source-address any
            set security policies from-zone inside to-zone trust policy b match source-address any
            set security policies from-zone inside to-zone trust policy c match source-address any
            set interfaces ge-0/0/1 unit 0 family inet dhcp
            set security zones security-zone trust interfaces ge-0/0/1.0
            """, Dialect.Junos);

        var undefined = result.Single(DiagnosticCatalog.UndefinedReference);
        Assert.Equal(1, undefined.Span.Line);
        Assert.Contains("and 2 more uses", undefined.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_rule_set_to_an_interface_makes_that_interface_outside_and_pats_onto_it()
    {
        // Junos NAT User Guide, "Source NAT rule set": `to interface` names the egress interface itself.
        var policy = Configs.Policy("""
            set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24
            set interfaces ge-0/0/1 unit 0 family inet address 192.0.2.1/24
            set security zones security-zone wan interfaces ge-0/0/0.0
            set security zones security-zone lan interfaces ge-0/0/1.0
            set security nat source rule-set RS from zone lan
            set security nat source rule-set RS to interface ge-0/0/0.0
            set security nat source rule-set RS rule R match source-address 192.0.2.0/24
            set security nat source rule-set RS rule R then source-nat interface
            """, Dialect.Junos);

        Assert.Equal(InterfaceRole.Outside, policy.FindInterface("ge-0/0/0.0")!.Role);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("ge-0/0/1.0")!.Role);
        Assert.True(Alg.Compiler.Lowering.NatRuleResolver.IsSupported(policy, Assert.Single(policy.NatRules), out var why), why);
    }
}
