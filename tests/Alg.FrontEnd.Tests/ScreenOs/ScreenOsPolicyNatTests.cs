using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Model;
using Alg.Runtime.Nat;

namespace Alg.FrontEnd.Tests.ScreenOs;

/// <summary>
/// Policy-based source NAT (ScreenOS Concepts &amp; Examples, vol. 8 "Address Translation", NAT-src from a DIP
/// pool): a policy to "Any" puts no condition on the destination, so its NAT is plain source NAT the runtime
/// carries out; only a policy to a specific destination is a destination-restricted NAT it cannot.
/// </summary>
public sealed class ScreenOsPolicyNatTests
{
    private const string Base = """
        set interface ethernet0/0 zone Untrust
        set interface ethernet0/0 ip 203.0.113.1/24
        set interface ethernet0/1 zone Trust
        set interface ethernet0/1 ip 192.168.1.1/24
        set interface ethernet0/0 dip 5 203.0.113.10 203.0.113.20
        set address Trust CLIENTS 192.168.1.0 255.255.255.0
        set address Untrust SERVER 198.51.100.7 255.255.255.255

        """;

    [Fact]
    public void Nat_src_to_any_destination_is_carried_out()
    {
        var policy = Configs.Policy(Base + "set policy id 10 from Trust to Untrust CLIENTS Any ANY nat src dip-id 5 permit\n");

        var rule = Assert.Single(policy.NatRules);
        Assert.True(rule.MappedDestination.IsEmpty);
        Assert.True(Alg.Compiler.Lowering.NatRuleResolver.IsSupported(policy, rule, out var why), why);
    }

    [Fact]
    public void Nat_src_to_one_destination_is_named_as_not_carried_out()
    {
        var result = Configs.Load(Base + "set policy id 11 from Trust to Untrust CLIENTS SERVER ANY nat src dip-id 5 permit\n");

        Assert.Single(result.WithCode(Alg.Policy.Diagnostics.DiagnosticCatalog.NatRuleNotCarriedOut));
    }
}
