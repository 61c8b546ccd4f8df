using Alg.Compiler.Lowering;
using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Junos;

/// <summary>Junos set-style configurations bound to the vendor-neutral policy.</summary>
public sealed class JunosBinderTests
{
    [Fact]
    public void SipIsOnByDefaultAndDisableTurnsItOff()
    {
        Assert.True(Binding.Enabled(Binding.Policy(Dialect.Junos, "set system host-name srx"), "sip"));
        var policy = Binding.Policy(Dialect.Junos, "set system host-name srx", "set security alg sip disable");
        Assert.Equal("srx", policy.Hostname);
        Assert.False(Binding.Enabled(policy, "sip"));
        Assert.Equal(2, policy.FindAlg("sip")!.Source.Line);
    }

    /// <summary>SCTP inspection and the PPTP ALG are on by default on an SRX and <c>disable</c> turns them off, like every
    /// Junos ALG; both are implemented now, so lint no longer calls them not implemented.</summary>
    [Fact]
    public void SctpAndPptpAreOnByDefaultAndDisableTurnsThemOff()
    {
        var defaults = Binding.Policy(Dialect.Junos, "set system host-name srx");
        Assert.True(Binding.Enabled(defaults, "sctp"));
        Assert.True(Binding.Enabled(defaults, "pptp"));
        var policy = Binding.Policy(Dialect.Junos, "set system host-name srx", "set security alg sctp disable", "set security alg pptp disable");
        Assert.False(Binding.Enabled(policy, "sctp"));
        Assert.False(Binding.Enabled(policy, "pptp"));
        Assert.True(Alg.StdlibAlgs.AlgCatalog.Get("sctp").Implemented && Alg.StdlibAlgs.AlgCatalog.Get("pptp").Implemented);
    }

    [Fact]
    public void DeleteAndDeactivateUndoDisable()
    {
        var policy = Binding.Policy(Dialect.Junos,
            "set security alg sip disable",
            "delete security alg sip disable",
            "set security alg ftp disable",
            "deactivate security alg ftp disable",
            "set security alg h323 disable");
        Assert.True(Binding.Enabled(policy, "sip"));
        Assert.True(Binding.Enabled(policy, "ftp"));
        Assert.False(Binding.Enabled(policy, "h323-q931"));
        Assert.False(Binding.Enabled(policy, "h323-ras"));
    }

    [Fact]
    public void AlgOptionsMapToCanonicalOptions()
    {
        var (bound, diagnostics) = Binding.Bind(string.Join('\n',
            "set security alg sip inactive-media-timeout 300",
            "set security alg sip c-timeout 5",
            "set security alg sip maximum-call-duration 60",
            "set security alg sip t1-interval 1000",
            "set security alg sip t4-interval 6",
            "set security alg mgcp inactive-media-timeout 200",
            "set security alg mgcp transaction-timeout 20",
            "set security alg h323 endpoint-registration-timeout 7200",
            "set security alg sip bogus-knob 3") + "\n", Dialect.Junos);
        var policy = bound.Policy;
        var sip = policy.FindAlg("sip")!;
        Assert.Equal(300, sip.Options["media-timeout"].Number);
        Assert.Equal(5, sip.Options["c-timeout"].Number);
        Assert.Equal(60, sip.Options["maximum-call-duration"].Number);
        Assert.Equal(1000, sip.Options["t1-interval"].Number);
        Assert.Equal(6, sip.Options["t4-interval"].Number);
        Assert.Equal(200, policy.FindAlg("mgcp")!.Options["media-timeout"].Number);
        Assert.Equal(20, policy.FindAlg("mgcp")!.Options["transaction-timeout"].Number);
        Assert.Equal(7200, policy.FindAlg("h323-ras")!.Options["endpoint-registration-timeout"].Number);
        Assert.Contains(diagnostics.Items, d => d.Code == "ALG2003");
    }

    [Fact]
    public void SourceNatZonesGiveInterfaceRoles()
    {
        var policy = Binding.Policy(Dialect.Junos,
            "set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24",
            "set interfaces ge-0/0/1 unit 0 family inet address 192.0.2.1/24",
            "set security zones security-zone WAN interfaces ge-0/0/0.0",
            "set security zones security-zone LAN interfaces ge-0/0/1.0",
            "set security nat source pool P1 address 203.0.113.10/32 to 203.0.113.20/32",
            "set security nat source rule-set RS from zone LAN",
            "set security nat source rule-set RS to zone WAN",
            "set security nat source rule-set RS rule R1 match source-address 192.0.2.0/24",
            "set security nat source rule-set RS rule R1 then source-nat pool P1",
            "set security nat source rule-set RS rule R2 match source-address 10.0.0.0/8",
            "set security nat source rule-set RS rule R2 then source-nat interface");
        Assert.Equal(InterfaceRole.Outside, policy.FindInterface("ge-0/0/0.0")!.Role);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("LAN")!.Role);
        Assert.Equal("203.0.113.1/24", policy.FindInterface("WAN")!.Address.ToString());
        var pool = Assert.Single(policy.NatPools);
        Assert.Equal("203.0.113.10-203.0.113.20", pool.Addresses.ToString());
        Assert.Equal(2, policy.NatRules.Length);
        Assert.Equal((NatRuleKind.DynamicPat, "P1"), (policy.NatRules[0].Kind, policy.NatRules[0].TargetPool));
        Assert.Equal(NatTargetKind.Interface, policy.NatRules[1].TargetKind);
    }

    [Theory]
    [InlineData("batfish_batfish__nat-source")]
    [InlineData("batfish_batfish__nat-dest")]
    [InlineData("batfish_batfish__juniper-nat-static")]
    [InlineData("greyinghair_screenos_to_junos_converter__nat.junos")]
    public void CorpusConfigurationBinds(string file)
    {
        var bound = Binding.BindCorpus(file);
        if (bound is not null)
        {
            Assert.Equal(Dialect.Junos, bound.Policy.Dialect);

            // The policy lowers to a pipeline: nothing the binder produced trips a lowering pass.
            Assert.NotNull(PolicyLowerer.Lower(bound.Policy));
            Assert.NotEmpty(bound.Policy.NatRules);
        }
    }

    [Fact]
    public void ConvertedScreenOsConfigurationKeepsItsStaticNat()
    {
        var bound = Binding.BindCorpus("greyinghair_screenos_to_junos_converter__nat.junos");
        if (bound is null)
        {
            return;
        }

        var staticRule = Assert.Single(bound.Policy.NatRules, r => r.Kind == NatRuleKind.Static);
        Assert.Equal("192.0.2.10", staticRule.RealAddresses.Single().ToString());
        Assert.Equal("203.0.113.10", staticRule.MappedAddresses.Single().ToString());
        Assert.Equal(InterfaceRole.Inside, bound.Policy.FindInterface("Trust")!.Role);
    }
}
