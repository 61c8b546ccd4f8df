using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Ios;

/// <summary>IOS interfaces, pools, dynamic and static NAT, timers and limits, bound to the policy.</summary>
public sealed class IosNatTests
{
    private const string Office =
        "hostname office\n" +
        "interface GigabitEthernet0/0\n" +
        " description uplink\n" +
        " ip address 203.0.113.1 255.255.255.0\n" +
        " ip nat outside\n" +
        " ip access-group 101 in\n" +
        "!\n" +
        "interface GigabitEthernet0/1\n" +
        " ip address 192.168.1.1 255.255.255.0\n" +
        " ip nat inside\n" +
        "!\n" +
        "access-list 1 permit 192.168.1.0 0.0.0.255\n" +
        "access-list 101 permit udp any host 203.0.113.1 eq 5060\n" +
        "access-list 101 deny ip any any\n" +
        "ip nat pool public 203.0.113.10 203.0.113.20 prefix-length 24\n" +
        "ip nat inside source list 1 interface GigabitEthernet0/0 overload\n" +
        "ip nat inside source static tcp 192.168.1.5 80 203.0.113.1 8080\n" +
        "ip nat inside source static 192.168.1.6 203.0.113.11 no-payload\n" +
        "ip nat inside source static network 192.168.2.0 203.0.113.128 /25\n";

    [Fact]
    public void Interfaces_carry_role_address_and_acls()
    {
        var policy = Configs.Policy(Office);

        Assert.Equal("office", policy.Hostname);
        var outside = policy.FindInterface("GigabitEthernet0/0")!;
        Assert.Equal(InterfaceRole.Outside, outside.Role);
        Assert.Equal("203.0.113.1/24", outside.Address.ToString());
        Assert.Equal("101", outside.InboundAcl);
        Assert.Equal("uplink", outside.Description);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("GigabitEthernet0/1")!.Role);
    }

    [Fact]
    public void Overload_on_an_interface_is_dynamic_pat()
    {
        var rule = Configs.Policy(Office).NatRules.Single(r => r.Kind == NatRuleKind.DynamicPat);

        Assert.Equal(NatDirection.InsideSource, rule.Direction);
        Assert.Equal("1", rule.MatchAcl);
        Assert.Equal(NatTargetKind.Interface, rule.TargetKind);
        Assert.Equal("GigabitEthernet0/0", rule.TargetInterface);
        Assert.Equal(16, rule.Span.Line);
    }

    [Fact]
    public void Interface_target_without_overload_is_still_pat()
    {
        var rule = Configs.Policy("access-list 1 permit any\ninterface e0\n ip address 1.1.1.1 255.255.255.0\n ip nat outside\nip nat inside source list 1 interface e0\n").NatRules.Single();

        Assert.Equal(NatRuleKind.DynamicPat, rule.Kind);
    }

    [Fact]
    public void Static_port_forward_host_and_network()
    {
        var rules = Configs.Policy(Office).NatRules;

        var forward = rules.Single(r => r.Kind == NatRuleKind.StaticPort);
        Assert.Equal(TransportProtocol.Tcp, forward.Protocol);
        Assert.Equal(PortRange.Single(80), forward.RealPort);
        Assert.Equal(PortRange.Single(8080), forward.MappedPort);
        Assert.Equal("192.168.1.5", forward.RealAddresses.Single().ToString());

        var host = rules.Single(r => r.Kind == NatRuleKind.Static && r.RealAddresses[0].Count == 1);
        Assert.False(host.TranslatePayload);
        Assert.Equal("203.0.113.11", host.MappedAddresses.Single().ToString());

        var network = rules.Single(r => r.Kind == NatRuleKind.Static && r.RealAddresses[0].Count == 128);
        Assert.Equal("192.168.2.0/25", network.RealAddresses[0].ToString());
        Assert.Equal("203.0.113.128/25", network.MappedAddresses[0].ToString());
    }

    [Fact]
    public void Pool_has_its_range_and_prefix()
    {
        var pool = Configs.Policy(Office).NatPools.Single();

        Assert.Equal("public", pool.Name);
        Assert.Equal("203.0.113.10-203.0.113.20", pool.Addresses.ToString());
        Assert.Equal(24, pool.PrefixLength);
    }

    [Fact]
    public void No_form_removes_a_dynamic_rule()
    {
        var policy = Configs.Policy("access-list 1 permit any\nip nat inside source list 1 interface e0 overload\nno ip nat inside source list 1 interface e0 overload\n");

        Assert.Empty(policy.NatRules);
    }

    [Fact]
    public void Translation_timers_have_ios_defaults_and_overrides()
    {
        var policy = Configs.Policy("ip nat translation udp-timeout 600\nip nat translation tcp-timeout never\n");

        Assert.Equal(600, policy.Timeouts["udp"].Seconds);
        Assert.Equal(2, policy.Timeouts["tcp"].Source.Line);
        Assert.Null(policy.Timeouts["tcp"].Seconds);
        Assert.Equal(60, policy.Timeouts["dns"].Seconds);
        Assert.True(policy.Timeouts["dns"].IsDefault);
    }

    [Fact]
    public void Unknown_timer_is_an_error_with_a_suggestion()
    {
        var result = Configs.Load("ip nat translation udp-timout 300\n");

        Assert.Contains("did you mean 'udp-timeout'", result.Single(DiagnosticCatalog.UnknownTimer).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timer_above_the_ios_range_is_reported()
    {
        var result = Configs.Load("ip nat translation udp-timeout 600000\n");

        Assert.Single(result.WithCode(DiagnosticCatalog.ValueOutOfRange));
    }

    [Fact]
    public void Max_entries_global_and_per_host()
    {
        var limits = Configs.Policy("ip nat translation max-entries 5000\nip nat translation max-entries host 192.168.1.10 100\nip nat translation max-entries all-host 300\n").Limits;

        Assert.Equal(5000, limits.MaxEntries);
        Assert.Equal(100, limits.PerHost.Single().MaxEntries);
        Assert.Equal(300, limits.PerHostDefault);
    }

    [Fact]
    public void Inside_destination_and_outside_source_rules()
    {
        var policy = Configs.Policy("access-list 11 permit any\nip nat pool p 3.3.4.1 3.3.4.254 prefix-length 24\nip nat inside destination list 11 pool p\nip nat outside source list 11 pool p\n");

        Assert.Contains(policy.NatRules, r => r.Direction == NatDirection.InsideDestination && r.TargetPool == "p");
        Assert.Contains(policy.NatRules, r => r.Direction == NatDirection.OutsideSource);
    }

    [Theory]
    [InlineData("ip nat inside source list 1 interface e0 overlod\n", "overlod", "overload")]
    [InlineData("ip nat inside source list 1 interfac e0 overload\n", "interfac", "interface")]
    [InlineData("ip nat inside source static 10.0.0.5 192.0.2.5 extendible\n", "extendible", "extendable")]
    public void A_misspelt_nat_keyword_is_an_error_with_a_suggestion_never_a_rule(string line, string word, string suggestion)
    {
        var result = Configs.Load("access-list 1 permit any\ninterface e0\n ip address 192.0.2.1 255.255.255.0\n ip nat outside\n" + line);

        var error = result.Single(DiagnosticCatalog.MalformedLine);
        Assert.Contains($"'{word}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"did you mean '{suggestion}'", error.Message, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
        Assert.Empty(result.Bound!.Policy.NatRules);
    }

    [Fact]
    public void A_nat_rule_in_a_vrf_is_kept_inactive_and_named()
    {
        // `vrf NAME` limits the rule to that VRF's traffic (Cisco IOS IP Addressing Services Command Reference,
        // "ip nat inside source"); Alg has one routing table, so the rule is not applied to the global one.
        var result = Configs.Load("interface e1\n ip vrf forwarding V\n ip nat inside\ninterface e0\n ip address 192.0.2.1 255.255.255.0\n ip nat outside\nip nat inside source static 10.0.0.5 192.0.2.5 vrf V\n");

        var rule = result.Bound!.Policy.NatRules.Single();
        Assert.True(rule.Inactive);
        Assert.Equal([2, 7], result.WithCode(DiagnosticCatalog.NotModelled).Select(d => d.Span.Line));
    }

    [Fact]
    public void An_unnumbered_interface_borrows_the_address_pat_uses()
    {
        var policy = Configs.Policy("interface Loopback0\n ip address 192.0.2.1 255.255.255.255\ninterface Serial0\n ip unnumbered Loopback0\n ip nat outside\naccess-list 1 permit any\nip nat inside source list 1 interface Serial0 overload\n");

        Assert.Equal("192.0.2.1/32", policy.FindInterface("Serial0")!.Address.ToString());
    }
}
