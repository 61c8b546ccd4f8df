using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;

namespace Alg.FrontEnd.Tests.Lint;

/// <summary>Each lint rule fires on the mistake it is for, on the right line, and stays quiet otherwise.</summary>
public sealed class LintRuleTests
{
    [Fact]
    public void ALG3002_undefined_acl_pool_and_interface_with_suggestion()
    {
        var result = Configs.Load("access-list 10 permit any\ninterface e0\n ip nat outside\nip nat inside source list 11 pool MISSING overload\nip nat inside source static 1.1.1.1 interface e9\n");

        var undefined = result.WithCode(DiagnosticCatalog.UndefinedReference).ToList();
        Assert.Contains(undefined, d => d.Message.Contains("access list '11'", StringComparison.Ordinal) && d.Message.Contains("did you mean '10'", StringComparison.Ordinal));
        Assert.Contains(undefined, d => d.Message.Contains("NAT pool 'MISSING'", StringComparison.Ordinal));
        Assert.Contains(undefined, d => d.Message.Contains("interface 'e9'", StringComparison.Ordinal) && d.Message.Contains("did you mean 'e0'", StringComparison.Ordinal));
        Assert.All(undefined, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void ALG3002_undefined_class_map_policy_map_and_zone()
    {
        var result = Configs.Load("policy-map type inspect PM\n class type inspect CM\n  inspect\nzone-pair security ZP source in destination out\n service-policy type inspect NOPE\n");

        var names = result.WithCode(DiagnosticCatalog.UndefinedReference).Select(d => d.Message).ToList();
        Assert.Contains(names, m => m.Contains("class-map 'CM'", StringComparison.Ordinal));
        Assert.Contains(names, m => m.Contains("policy-map 'NOPE'", StringComparison.Ordinal));
        Assert.Contains(names, m => m.Contains("zone 'in'", StringComparison.Ordinal));
    }

    [Fact]
    public void ALG3003_unused_acl_pool_and_object_group()
    {
        var result = Configs.Load("access-list 5 permit any\nip nat pool P 1.1.1.1 1.1.1.2 prefix-length 24\nobject-group network G\n host 1.1.1.1\n");

        var unused = result.WithCode(DiagnosticCatalog.UnusedDefinition).Select(d => d.Span.Line).ToList();
        Assert.Equal([1, 2, 3], unused);
    }

    [Fact]
    public void ALG3003_is_quiet_when_everything_is_used()
    {
        var result = Configs.Load("access-list 5 permit any\nip nat pool P 1.1.1.1 1.1.1.2 prefix-length 24\nip nat inside source list 5 pool P overload\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnusedDefinition));
    }

    [Fact]
    public void ALG3009_policy_map_never_applied()
    {
        var result = Configs.Load("class-map type inspect match-any CM\n match protocol sip\npolicy-map type inspect PM\n class type inspect CM\n  inspect\n");

        Assert.Equal(3, result.Single(DiagnosticCatalog.PolicyMapNotApplied).Span.Line);
    }

    [Fact]
    public void ALG3010_sip_advice_names_the_line_that_turns_it_off()
    {
        const string Pat = "interface Gi0\n ip address 192.0.2.1 255.255.255.0\n ip nat outside\ninterface Gi1\n ip nat inside\naccess-list 1 permit any\nip nat inside source list 1 interface Gi0 overload\n";
        var result = Configs.Load(Pat);

        var advice = result.Single(DiagnosticCatalog.SipAlgAdvice);
        Assert.Contains("no ip nat service sip udp port 5060", advice.Message, StringComparison.Ordinal);
        Assert.Contains("no ip nat service sip tcp port 5060", advice.Message, StringComparison.Ordinal);
        Assert.Empty(Configs.Load(Pat + "no ip nat service sip udp port 5060\nno ip nat service sip tcp port 5060\n").WithCode(DiagnosticCatalog.SipAlgAdvice));
    }

    [Fact]
    public void ALG3010_is_silent_where_no_nat_rule_would_translate_sip()
    {
        // A router with no NAT: the SIP ALG rewrites nothing, so the advice would only be noise.
        Assert.Empty(Configs.Load("hostname r\ninterface Gi0\n ip address 192.0.2.1 255.255.255.0\n").WithCode(DiagnosticCatalog.SipAlgAdvice));
    }

    [Fact]
    public void ALG3011_inferred_defaults_are_said_once()
    {
        var result = Configs.Load("hostname r\n");

        var info = result.Single(DiagnosticCatalog.InferredDefault);
        Assert.Contains("sip on", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALG3012_shadowed_rule_is_found_and_partial_overlap_is_not()
    {
        var shadowed = Configs.Load("ip access-list extended A\n permit tcp 10.0.0.0 0.0.0.255 any\n permit tcp host 10.0.0.5 any eq 22\n");
        var partial = Configs.Load("ip access-list extended A\n permit tcp 10.0.0.0 0.0.0.255 any eq 80\n permit tcp host 10.0.0.5 any\n");

        Assert.Equal(3, shadowed.Single(DiagnosticCatalog.ShadowedAclRule).Span.Line);
        Assert.Empty(partial.WithCode(DiagnosticCatalog.ShadowedAclRule));
    }

    [Fact]
    public void ALG3013_nat_without_an_outside_interface()
    {
        var result = Configs.Load("interface e0\n ip address 10.0.0.1 255.255.255.0\n ip nat inside\naccess-list 1 permit any\nip nat inside source list 1 interface e0 overload\n");

        Assert.Equal(5, result.Single(DiagnosticCatalog.NoOutsideInterface).Span.Line);
    }

    [Fact]
    public void ALG3014_inverted_pool()
    {
        Assert.Single(Configs.Load("ip nat pool P 10.0.0.9 10.0.0.1 prefix-length 24\n").WithCode(DiagnosticCatalog.PoolRangeInverted));
    }

    [Fact]
    public void ALG3016_pool_outside_its_subnet()
    {
        Assert.Single(Configs.Load("ip nat pool P 10.0.0.250 10.0.1.5 prefix-length 24\n").WithCode(DiagnosticCatalog.PoolOutsideMask));
        Assert.Empty(Configs.Load("ip nat pool P 10.0.0.2 10.0.0.9 netmask 255.255.255.0\n").WithCode(DiagnosticCatalog.PoolOutsideMask));
    }

    [Fact]
    public void ALG3017_pat_on_an_interface_without_address_but_not_on_dhcp()
    {
        var bare = Configs.Load("interface e0\n ip nat outside\naccess-list 1 permit any\nip nat inside source list 1 interface e0 overload\n");
        var dhcp = Configs.Load("interface e0\n ip address dhcp\n ip nat outside\naccess-list 1 permit any\nip nat inside source list 1 interface e0 overload\n");

        Assert.Single(bare.WithCode(DiagnosticCatalog.InterfaceWithoutAddress));
        Assert.Empty(dhcp.WithCode(DiagnosticCatalog.InterfaceWithoutAddress));
    }

    [Fact]
    public void ALG3018_two_hosts_on_one_global_port()
    {
        var result = Configs.Load("ip nat inside source static tcp 10.0.0.5 80 198.51.100.1 80\nip nat inside source static tcp 10.0.0.6 80 198.51.100.1 80\nip nat inside source static tcp 10.0.0.6 443 198.51.100.1 443\n");

        Assert.Equal(2, result.Single(DiagnosticCatalog.ConflictingStatic).Span.Line);
    }

    [Fact]
    public void ALG3015_sip_on_the_tls_port()
    {
        Assert.Single(Configs.Load("ip nat service sip tcp port 5061\n").WithCode(DiagnosticCatalog.TlsPortInspected));
    }

    [Fact]
    public void ALG3006_and_ALG3007_rfc_timer_floors()
    {
        var low = Configs.Load("ip nat translation udp-timeout 60\nip nat translation tcp-timeout 3600\n");
        var fine = Configs.Load("ip nat translation udp-timeout 120\nip nat translation tcp-timeout 7440\n");

        Assert.Single(low.WithCode(DiagnosticCatalog.UdpTimeoutBelowRfc4787));
        Assert.Single(low.WithCode(DiagnosticCatalog.TcpTimeoutBelowRfc5382));
        Assert.Empty(fine.WithCode(DiagnosticCatalog.UdpTimeoutBelowRfc4787));
        Assert.Empty(fine.WithCode(DiagnosticCatalog.TcpTimeoutBelowRfc5382));
    }

    [Fact]
    public void ALG3008_bare_no_timer_but_not_no_with_value()
    {
        var bare = Configs.Load("no ip nat translation udp-timeout\n");
        var withValue = Configs.Load("no ip nat translation udp-timeout 300\n");

        Assert.Contains("ip nat translation udp-timeout 300", bare.Single(DiagnosticCatalog.BareNoTimer).Message, StringComparison.Ordinal);
        Assert.Null(bare.Bound!.Policy.Timeouts["udp"].Seconds);
        Assert.Empty(withValue.WithCode(DiagnosticCatalog.BareNoTimer));
        Assert.Equal(300, withValue.Bound!.Policy.Timeouts["udp"].Seconds);
    }

    [Fact]
    public void ALG2005_extended_rule_in_a_standard_list()
    {
        Assert.Single(Configs.Load("ip access-list standard S\n permit tcp any any eq 80\n").WithCode(DiagnosticCatalog.AclShapeMismatch));
    }

    [Fact]
    public void ALG1010_invalid_netmask()
    {
        Assert.Single(Configs.Load("interface e0\n ip address 10.0.0.1 255.0.255.0\n").WithCode(DiagnosticCatalog.InvalidValue));
    }
}
