using Alg.Compiler.Lowering;
using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.ScreenOs;

/// <summary>ScreenOS configurations bound to the vendor-neutral policy.</summary>
public sealed class ScreenOsBinderTests
{
    [Fact]
    public void DefaultsFollowTheJuniperDocumentation()
    {
        var policy = Binding.Policy(Dialect.ScreenOs, "set hostname ssg5");
        Assert.Equal("ssg5", policy.Hostname);
        foreach (var alg in new[] { "ftp", "dns", "rsh", "tftp", "sctp" })
        {
            Assert.True(Binding.Enabled(policy, alg), alg);
        }

        foreach (var alg in new[] { "sip", "h323-q931", "mgcp", "skinny", "msrpc", "sunrpc", "sqlnet", "pptp" })
        {
            Assert.False(Binding.Enabled(policy, alg), alg);
        }

        Assert.Equal(43200, policy.FindAlg("sip")!.Options["signaling-timeout"].Number);
        Assert.True(policy.FindAlg("rtsp")!.DefaultIsInferred);
    }

    /// <summary>ScreenOS <c>call-answer-time</c> is 20–90 s: lint names a value outside on its line (ALG3001), and the
    /// IPsec-NAT timeout reaches the translator's ESP idle time.</summary>
    [Fact]
    public void IChatCallAnswerTimeIsRangeCheckedAndIpsecNatTimeoutIsLowered()
    {
        var result = Alg.Compiler.ConfigurationLoader.Load(new Alg.Policy.Text.SourceText("ssg.cfg", "set hostname ssg5\nset alg appleichat enable\nset alg appleichat call-answer-time 95\nset alg ipsec-nat enable\nset alg ipsec-nat timeout 45\n"));
        Assert.Contains(result.Diagnostics, d => d.Descriptor == Alg.Policy.Diagnostics.DiagnosticCatalog.ValueOutOfRange && d.Span.Line == 3 && d.Message.Contains("call-answer-time", StringComparison.Ordinal));
        var fine = Alg.Compiler.ConfigurationLoader.Load(new Alg.Policy.Text.SourceText("ssg.cfg", "set hostname ssg5\nset alg appleichat enable\nset alg appleichat call-answer-time 90\nset alg ipsec-nat enable\nset alg ipsec-nat timeout 45\n"));
        Assert.DoesNotContain(fine.Diagnostics, d => d.Descriptor == Alg.Policy.Diagnostics.DiagnosticCatalog.ValueOutOfRange);
        var program = PolicyLowerer.Lower(fine.Policy!);
        Assert.True(program.Ipsec.SpiMatching);
        Assert.Equal(45 * Alg.Runtime.Nat.NatTimeouts.Second, program.Timeouts.Esp);
    }

    [Fact]
    public void UnsetAlgSipEnableTurnsSipOff()
    {
        var policy = Binding.Policy(Dialect.ScreenOs, "set alg sip enable", "unset alg sip enable");
        Assert.False(Binding.Enabled(policy, "sip"));
        Assert.Equal(2, policy.FindAlg("sip")!.Source.Line);
    }

    [Fact]
    public void AlgOptionsMapToCanonicalOptions()
    {
        var (bound, diagnostics) = Binding.Bind(string.Join('\n',
            "set alg appleichat enable",
            "set alg appleichat call-answer-time 32",
            "set alg appleichat re-assembly enable",
            "set alg sip enable",
            "set alg sip media-inactivity-timeout 180",
            "set alg sip app-screen unknown-message nat",
            "set alg h323 enable",
            "set alg sql enable",
            "set alg bogus enable") + "\n", Dialect.ScreenOs);
        var policy = bound.Policy;
        var ichat = policy.FindAlg("appleichat")!;
        Assert.True(ichat.Enabled);
        Assert.Equal(32, ichat.Options["call-answer-time"].Number);
        Assert.Equal(2, ichat.Options["call-answer-time"].Source.Line);
        Assert.True(ichat.Options["re-assembly"].AsBoolean);
        Assert.Equal(180, policy.FindAlg("sip")!.Options["media-timeout"].Number);
        Assert.Equal("nat", policy.FindAlg("sip")!.Options["unknown-message"].Text);
        Assert.True(Binding.Enabled(policy, "h323-ras"));
        Assert.True(Binding.Enabled(policy, "sqlnet"));
        Assert.Contains(diagnostics.Items, d => d.Code == "ALG2001");
    }

    [Fact]
    public void CorpusConfigurationBindsZonesMipAndDip()
    {
        var bound = Binding.BindCorpus("greyinghair_screenos_to_junos_converter__nat.screenos");
        if (bound is null)
        {
            return;
        }

        var policy = bound.Policy;
        Assert.NotNull(PolicyLowerer.Lower(policy));
        Assert.Equal(InterfaceRole.Outside, policy.FindInterface("ethernet0/0")!.Role);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("Trust")!.Role);
        Assert.Equal(2, policy.NatPools.Length);
        var rules = policy.NatRules;
        Assert.Equal(NatRuleKind.Static, rules[0].Kind);
        Assert.Equal("203.0.113.10", rules[0].MappedAddresses.Single().ToString());
        Assert.Equal((NatRuleKind.DynamicPat, "dip 5"), (rules[1].Kind, rules[1].TargetPool));
        Assert.Equal("192.0.2.0/24", rules[1].RealAddresses.Single().ToString());
        Assert.Equal((NatTargetKind.Interface, "ethernet0/0"), (rules[2].TargetKind, rules[2].TargetInterface));
    }

    [Fact]
    public void InterfaceNatModePatsTrustToUntrustOntoTheEgressInterface()
    {
        // ScreenOS Concepts & Examples, "Interface Modes": an ingress interface in NAT mode translates the
        // source of traffic bound for the Untrust zone to the egress interface's address, ports translated.
        var policy = Binding.Policy(Dialect.ScreenOs,
            "set interface ethernet0/0 zone Untrust",
            "set interface ethernet0/0 dhcp client enable",
            "set interface bgroup0 zone Trust",
            "set interface bgroup0 ip 192.168.1.1/24",
            "set interface bgroup0 nat",
            "set policy id 1 from Trust to Untrust Any Any ANY permit");
        var rule = Assert.Single(policy.NatRules);
        Assert.Equal((NatRuleKind.DynamicPat, NatTargetKind.Interface, "ethernet0/0"), (rule.Kind, rule.TargetKind, rule.TargetInterface));
        Assert.Equal("192.168.1.0/24", rule.RealAddresses.Single().ToString());
        Assert.True(policy.FindInterface("ethernet0/0")!.DynamicAddress);
        Assert.Equal(5, rule.Span.Line);
    }

    [Fact]
    public void RouteModeAndUnsetNatTranslateNothing()
    {
        var policy = Binding.Policy(Dialect.ScreenOs,
            "set interface ethernet0/0 zone Untrust",
            "set interface ethernet0/1 zone Trust",
            "set interface ethernet0/1 nat",
            "set interface ethernet0/1 route");
        Assert.Empty(policy.NatRules);
    }

    [Fact]
    public void MipWithItsVrSuffixIsAStaticRule()
    {
        var policy = Binding.Policy(Dialect.ScreenOs,
            "set interface ethernet0/0 zone Untrust",
            "set interface \"ethernet0/0\" mip 198.51.100.10 host 10.0.0.10 netmask 255.255.255.255 vr \"trust-vr\"");
        var rule = Assert.Single(policy.NatRules);
        Assert.Equal((NatRuleKind.Static, "10.0.0.10", "198.51.100.10"), (rule.Kind, rule.RealAddresses.Single().ToString(), rule.MappedAddresses.Single().ToString()));
    }

    [Fact]
    public void TaggedSubinterfaceTakesItsZone()
    {
        var policy = Binding.Policy(Dialect.ScreenOs, "set interface ethernet0/0.1 tag 10 zone Trust");
        var subinterface = policy.FindInterface("ethernet0/0.1")!;
        Assert.Equal(("Trust", InterfaceRole.Inside), (subinterface.Alias, subinterface.Role));
    }

    [Fact]
    public void PolicyContextAddsSourcesToThePolicyNatAndDisableMakesItInactive()
    {
        var policy = Binding.Policy(Dialect.ScreenOs,
            "set interface ethernet0/0 zone Untrust",
            "set interface ethernet0/0 ip 203.0.113.1/24",
            "set address Trust a 10.0.0.0/24",
            "set address Trust b 10.0.1.0/24",
            "set policy id 7 from Trust to Untrust a Any ANY nat src permit",
            "set policy id 7",
            "set src-address b",
            "exit",
            "set policy id 7 disable");
        var rule = Assert.Single(policy.NatRules);
        Assert.Equal(["10.0.0.0/24", "10.0.1.0/24"], rule.RealAddresses.Select(a => a.ToString()));
        Assert.True(rule.Inactive);
    }

    [Fact]
    public void UnsetPolicyRemovesItsNat()
    {
        var policy = Binding.Policy(Dialect.ScreenOs,
            "set interface ethernet0/0 zone Untrust",
            "set interface ethernet0/0 ip 203.0.113.1/24",
            "set policy id 7 from Trust to Untrust Any Any ANY nat src permit",
            "unset policy id 7");
        Assert.Empty(policy.NatRules);
    }

    [Fact]
    public void VipIsReportedAsNotModelled()
    {
        var (_, diagnostics) = Binding.Bind("set interface ethernet0/0 vip 203.0.113.3 80 \"HTTP\" 10.0.0.20\n", Dialect.ScreenOs);
        Assert.Contains(diagnostics.Items, d => d.Code == "ALG1014" && d.Message.Contains("VIP", StringComparison.Ordinal));
    }

    [Fact]
    public void AlgDefaultsFollowThePlatformFamily()
    {
        // Juniper NSM 2012.2 "Enabling ALGs": SIP, H.323, MGCP, SCCP, MSRPC, SunRPC, SQL, PPTP are off from 6.0
        // on ISG-1000/2000 and NetScreen-2000/5000; the ScreenOS 6.2 help: every ALG is on by default otherwise.
        var branch = Binding.Policy(Dialect.ScreenOs, "set interface bgroup0 zone Trust");
        Assert.True(Binding.Enabled(branch, "sip"));
        Assert.False(branch.FindAlg("sip")!.DefaultIsInferred);

        var highEnd = Binding.Policy(Dialect.ScreenOs, "!Product Name: ISG-2000", "set interface ethernet1/1 zone Trust");
        Assert.False(Binding.Enabled(highEnd, "sip"));
        Assert.False(highEnd.FindAlg("sip")!.DefaultIsInferred);

        var unknown = Binding.Policy(Dialect.ScreenOs, "set hostname ssg5", "set interface ethernet1/1 zone Trust");
        Assert.False(Binding.Enabled(unknown, "sip"));
        Assert.True(unknown.FindAlg("sip")!.DefaultIsInferred);
        Assert.True(Binding.Enabled(unknown, "ftp"));
        Assert.False(unknown.FindAlg("ftp")!.DefaultIsInferred);
    }

    [Fact]
    public void PolicyApplicationMappingIsReportedUnlessItIsIgnore()
    {
        var (bound, diagnostics) = Binding.Bind(string.Join('\n',
            "set service \"sip-alt\" protocol udp src-port 0-65535 dst-port 5070-5070",
            "set policy id 4 from Trust to Untrust Any Any \"sip-alt\" permit",
            "set policy id 4 application \"SIP\"",
            "set policy id 5 from Trust to Untrust Any Any ANY permit",
            "set policy id 5 application \"IGNORE\"") + "\n", Dialect.ScreenOs);
        Assert.Empty(bound.Ast.Unrecognized);
        var only = Assert.Single(diagnostics.Items, d => d.Severity != Alg.Policy.Diagnostics.DiagnosticSeverity.Info);
        Assert.Equal(("ALG1014", 3), (only.Code, only.Span.Line));
    }
}
