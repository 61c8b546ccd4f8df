using Alg.FrontEnd.Tests.Support;
using Alg.Grammar.Common;
using Alg.Grammar.ScreenOs.Ast;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.ScreenOs;

/// <summary>Each ScreenOS construct Alg models, parsed into its AST record.</summary>
public sealed class ScreenOsParseTests
{
    [Fact]
    public void AlgSwitchesAndOptions()
    {
        var (ast, _) = Parsing.Parse(string.Join('\n',
            "set alg sip enable",
            "unset alg sip enable",
            "set alg appleichat enable",
            "unset alg appleichat re-assembly enable",
            "set alg appleichat call-answer-time 32",
            "set alg sip media-inactivity-timeout 120",
            "set alg sip signaling-inactivity-timeout 43200",
            "set alg sip app-screen unknown-message nat",
            "set alg ipsec-nat timeout 30") + "\n");
        Assert.Equal(Dialect.ScreenOs, ast.Dialect);
        Assert.Empty(ast.Unrecognized);
        var switches = Parsing.All<ScreenOsAlgSwitch>(ast).ToList();
        Assert.Equal([false, true, false, true], switches.Select(s => s.Unset));
        Assert.Equal("re-assembly", switches[3].Feature!.Value.Value);
        var options = Parsing.All<ScreenOsAlgOption>(ast).ToList();
        Assert.Equal(("appleichat", "call-answer-time", "32"), (options[0].Alg.Value, options[0].Option.Value, options[0].Values.Single().Value));
        Assert.Equal(["unknown-message", "nat"], options[3].Values.Select(v => v.Value));
        Assert.Equal("ipsec-nat", options[4].Alg.Value);
    }

    [Fact]
    public void InterfacesMipDipAndPolicies()
    {
        var ast = Parsing.Lines(Dialect.ScreenOs,
            "set hostname ssg5",
            "set interface \"ethernet0/0\" zone \"Untrust\"",
            "set interface ethernet0/0 ip 203.0.113.1/24",
            "set interface ethernet0/1 ip 192.0.2.1 255.255.255.0",
            "set interface ethernet0/1 nat",
            "set interface ethernet0/0 mip 203.0.113.10 host 192.0.2.10 netmask 255.255.255.255 vrouter trust-vr",
            "set interface ethernet0/0 dip 6 203.0.113.120 203.0.113.125 fix-port",
            "set interface ethernet0/0 manage ping",
            "set zone \"Trust\" tcp-rst",
            "set address \"Trust\" \"CLIENTS\" 192.0.2.0 255.255.255.0 \"office\"",
            "set policy id 10 name \"DIP\" from \"Trust\" to \"Untrust\" \"CLIENTS\" \"Any\" \"ANY\" nat src dip-id 6 permit log",
            "set policy id 11 from \"Untrust\" to \"Trust\" \"Any\" \"VIP\" \"HTTP\" nat dst ip 192.0.2.80 port 8080 permit",
            "set policy id 12",
            "set service \"SIP-ALT\"",
            "exit",
            "set vrouter \"trust-vr\"",
            "set route 0.0.0.0/0 interface ethernet0/0 gateway 203.0.113.254",
            "exit",
            "unset policy id 12");
        Assert.Empty(ast.Unrecognized);
        Assert.Equal("ssg5", Parsing.Single<ScreenOsHostname>(ast).Name!.Value.Value);
        Assert.Equal(("ethernet0/0", "Untrust"), (Parsing.Single<ScreenOsInterfaceZone>(ast).Interface.Value, Parsing.Single<ScreenOsInterfaceZone>(ast).Zone.Value));
        Assert.Equal(["203.0.113.1/24", "192.0.2.1/24"], Parsing.All<ScreenOsInterfaceAddress>(ast).Select(a => a.Prefix.ToString()));
        Assert.True(Parsing.Single<ScreenOsInterfaceMode>(ast).Nat);
        var mip = Parsing.Single<ScreenOsMip>(ast);
        Assert.Equal(("203.0.113.10", "192.0.2.10"), (mip.Mapped.Value.ToString(), mip.Host.Value.ToString()));
        var dip = Parsing.Single<ScreenOsDip>(ast);
        Assert.Equal(6, dip.Id.Value);
        Assert.True(dip.FixPort);
        Assert.Equal("203.0.113.120-203.0.113.125", dip.Range.ToString());
        Assert.Equal("office", Parsing.Single<ScreenOsAddress>(ast).Comment);
        var policies = Parsing.All<ScreenOsPolicy>(ast).ToList();
        Assert.Equal(6, policies[0].Nat!.DipId!.Value.Value);
        Assert.Equal("permit", policies[0].Action.Value);
        Assert.Equal("DIP", policies[0].Name);
        Assert.False(policies[1].Nat!.Source);
        Assert.Equal(8080, policies[1].Nat!.DestinationPort!.Value.Value);
        var context = Parsing.Single<ScreenOsPolicyContext>(ast);
        Assert.Equal("service", Assert.IsType<ScreenOsContextSetting>(Assert.Single(context.Children)).Setting);
        Assert.Single(Parsing.Single<ScreenOsVrouterContext>(ast).Children);
        Assert.Equal(12, Parsing.Single<ScreenOsPolicyDelete>(ast).Id.Value);
        Assert.Equal(2, Parsing.All<SessionCommand>(ast).Count());
    }

    [Fact]
    public void GroupsZonesSubinterfacesMipVrAndPolicyContexts()
    {
        var ast = Parsing.Lines(Dialect.ScreenOs,
            "set zone id 100 \"Servers\"",
            "set zone name \"Lab\"",
            "set zone \"Servers\" vrouter \"trust-vr\"",
            "set interface ethernet0/0.1 tag 10 zone \"Servers\"",
            "set interface \"ethernet0/0\" mip 198.51.100.10 host 10.0.0.10 netmask 255.255.255.255 vr \"trust-vr\"",
            "set group address \"Servers\" \"farm\" comment \" \"",
            "set group address \"Servers\" \"farm\" add \"web\"",
            "unset group address \"Servers\" \"farm\" remove \"web\"",
            "set group service \"ports\" add \"HTTP\"",
            "set policy id 4 disable",
            "set policy id 4",
            "set src-address \"h2\"",
            "exit");
        Assert.Empty(ast.Unrecognized);
        Assert.Equal([true, true, false], Parsing.All<ScreenOsZone>(ast).Select(z => z.Defines));
        Assert.Equal(["Servers", "Lab", "Servers"], Parsing.All<ScreenOsZone>(ast).Select(z => z.Name.Value));
        var subinterface = Parsing.Single<ScreenOsInterfaceZone>(ast);
        Assert.Equal(("ethernet0/0.1", 10, "Servers"), (subinterface.Interface.Value, subinterface.Tag, subinterface.Zone.Value));
        Assert.Equal("trust-vr", Parsing.Single<ScreenOsMip>(ast).Vrouter!.Value.Value);
        var groups = Parsing.All<ScreenOsAddressGroup>(ast).ToList();
        Assert.Null(groups[0].Member);
        Assert.Equal(("web", false), (groups[1].Member!.Value.Value, groups[1].Remove));
        Assert.True(groups[2].Remove);
        Assert.Equal("HTTP", Parsing.Single<ScreenOsServiceGroup>(ast).Member!.Value.Value);
        Assert.Equal(4, Parsing.Single<ScreenOsPolicyDisable>(ast).Id.Value);
        var context = Parsing.Single<ScreenOsPolicyContext>(ast);
        Assert.Equal(("src-address", "h2"), (((ScreenOsContextSetting)context.Children.Single()).Setting, ((ScreenOsContextSetting)context.Children.Single()).Subject!.Value.Value));
    }
}
