using Alg.FrontEnd.Tests.Support;
using Alg.Grammar.Junos.Ast;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Junos;

/// <summary>Each Junos set-style construct Alg models, parsed into its AST record.</summary>
public sealed class JunosParseTests
{
    [Fact]
    public void SecurityAlgLines()
    {
        var (ast, _) = Parsing.Parse(string.Join('\n',
            "# comment",
            "set security alg sip disable",
            "set security alg sip inactive-media-timeout 300",
            "set security alg sip c-timeout 5",
            "set security alg sip maximum-call-duration 60",
            "set security alg sip t1-interval 1000",
            "set security alg sip t4-interval 6",
            "set security alg mgcp transaction-timeout 20",
            "set security alg h323 endpoint-registration-timeout 7200",
            "delete security alg sip disable",
            "deactivate security alg ftp disable",
            "delete security alg") + "\n");
        Assert.Equal(Dialect.Junos, ast.Dialect);
        Assert.Empty(ast.Unrecognized);
        var disables = Parsing.All<JunosAlgDisable>(ast).ToList();
        Assert.Equal([JunosOperation.Set, JunosOperation.Delete, JunosOperation.Deactivate], disables.Select(d => d.Operation));
        var options = Parsing.All<JunosAlgOption>(ast).ToList();
        Assert.Equal(["inactive-media-timeout", "c-timeout", "maximum-call-duration", "t1-interval", "t4-interval", "transaction-timeout", "endpoint-registration-timeout"],
            options.Select(o => o.Option.Value));
        Assert.Equal("300", options[0].Values.Single().Value);
        Assert.Null(Parsing.Single<JunosAlgReset>(ast).Alg);
    }

    [Fact]
    public void InterfacesZonesAndNat()
    {
        var ast = Parsing.Lines(Dialect.Junos,
            "set system host-name srx1",
            "set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24",
            "set interfaces ge-0/0/0 description uplink",
            "set security zones security-zone untrust interfaces ge-0/0/0.0",
            "set security zones security-zone trust host-inbound-traffic system-services ping",
            "set security nat source pool P1 address 203.0.113.10/32 to 203.0.113.20/32",
            "set security nat source pool P1 port no-translation",
            "set security nat destination pool WEB address 192.0.2.80 port 8080",
            "set security nat source rule-set RS from zone trust",
            "set security nat source rule-set RS to zone untrust",
            "set security nat source rule-set RS rule R1 match source-address 192.0.2.0/24",
            "set security nat source rule-set RS rule R1 then source-nat interface",
            "set security nat static rule-set ST from interface ge-0/0/0.0",
            "set security nat static rule-set ST rule S1 then static-nat prefix 192.0.2.10/32",
            "set security nat proxy-arp interface ge-0/0/0.0 address 203.0.113.10/32 to 203.0.113.20/32",
            "set security policies from-zone trust to-zone untrust policy p1 then permit",
            "set routing-options static route 0.0.0.0/0 next-hop 203.0.113.254");
        Assert.Empty(ast.Unrecognized);
        Assert.Equal("srx1", Parsing.Single<JunosHostName>(ast).Name.Value);
        var address = Parsing.Single<JunosInterfaceAddress>(ast);
        Assert.Equal(("ge-0/0/0", 0, "203.0.113.1/24"), (address.Interface.Value, address.Unit.Value, address.Prefix.ToString()));
        Assert.Equal(("untrust", "ge-0/0/0.0"), (Parsing.Single<JunosZoneInterface>(ast).Zone.Value, Parsing.Single<JunosZoneInterface>(ast).Interface.Value));
        var pools = Parsing.All<JunosNatPool>(ast).ToList();
        Assert.Equal("203.0.113.20/32", pools[0].Last.ToString());
        Assert.Equal((JunosNatKind.Destination, 8080), (pools[1].Kind, pools[1].Port!.Value.Value));
        Assert.Equal(["port", "no-translation"], Parsing.Single<JunosNatPoolSetting>(ast).Words.ToArray());
        var contexts = Parsing.All<JunosNatRuleSetContext>(ast).ToList();
        Assert.Equal([true, false, true], contexts.Select(c => c.From));
        Assert.Equal(JunosNatContextType.Interface, contexts[2].ContextType);
        Assert.Equal("source-address", Parsing.Single<JunosNatRuleMatch>(ast).Field.Value);
        var thens = Parsing.All<JunosNatRuleThen>(ast).ToList();
        Assert.Equal(["source-nat", "static-nat"], thens.Select(t => t.Action.Value));
        Assert.Equal(["prefix", "192.0.2.10/32"], thens[1].Values.Select(v => v.Value));
        Assert.NotNull(Parsing.Single<JunosProxyArp>(ast).Last);
        Assert.Single(Parsing.All<JunosSecurityPolicy>(ast));
        Assert.Single(ast.Ignored);
    }
}
