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
}
