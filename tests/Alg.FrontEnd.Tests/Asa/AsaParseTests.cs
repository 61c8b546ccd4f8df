using Alg.FrontEnd.Tests.Support;
using Alg.Grammar.Asa.Ast;
using Alg.Grammar.Common;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Asa;

/// <summary>Each ASA construct Alg models, parsed into its AST record.</summary>
public sealed class AsaParseTests
{
    private const string Transcript =
        "ciscofirewall# enable |\n" +
        "Password: |\n" +
        "ciscofirewall# conf t |\n" +
        "ciscofirewall# policy-map global_policy |\n" +
        "ciscofirewall# no inspect sip |\n" +
        "ciscofirewall# show run | inc policy-map global-policy | inspect sip |\n" +
        "ciscofirewall# end |\n";

    [Fact]
    public void PastedTranscriptLoadsAsAsaWithInspectDirectlyUnderPolicyMap()
    {
        var (ast, diagnostics) = Parsing.Parse(Transcript);
        Assert.Equal(Dialect.Asa, ast.Dialect);
        Assert.Empty(ast.Unrecognized);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code.StartsWith("ALG100", StringComparison.Ordinal) && d.Code != "ALG1006");
        var policyMap = Parsing.Single<AsaPolicyMap>(ast);
        Assert.Equal("global_policy", policyMap.Name.Value);
        var inspect = Assert.IsType<AsaInspect>(Assert.Single(policyMap.Children));
        Assert.True(inspect.Negated);
        Assert.Equal("sip", inspect.Protocol.Value);
        Assert.Equal(5, inspect.Span.Line);
        Assert.Equal(
            [SessionCommandKind.Enable, SessionCommandKind.Password, SessionCommandKind.Configure, SessionCommandKind.Exec, SessionCommandKind.End],
            Parsing.All<SessionCommand>(ast).Select(s => s.Kind));
    }

    [Fact]
    public void InterfaceBlock()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "hostname fw1",
            "interface GigabitEthernet0/0",
            " description uplink to ISP",
            " nameif outside",
            " security-level 0",
            " ip address 198.51.100.2 255.255.255.0 standby 198.51.100.3",
            " no shutdown",
            "interface GigabitEthernet0/1",
            " shutdown",
            " no nameif");
        Assert.Equal("fw1", Parsing.Single<AsaHostname>(ast).Name.Value);
        var interfaces = Parsing.All<AsaInterface>(ast).ToList();
        Assert.Equal(2, interfaces.Count);
        Assert.Equal("outside", interfaces[0].Children.OfType<AsaNameif>().Single().Name!.Value.Value);
        Assert.Equal(0, interfaces[0].Children.OfType<AsaSecurityLevel>().Single().Level!.Value.Value);
        var address = interfaces[0].Children.OfType<AsaInterfaceAddress>().Single();
        Assert.Equal("198.51.100.2/24", address.Prefix.ToString());
        Assert.Equal("198.51.100.3", address.Standby.ToString());
        Assert.Equal("uplink to ISP", interfaces[0].Children.OfType<AsaDescription>().Single().Text);
        Assert.Null(interfaces[1].Children.OfType<AsaNameif>().Single().Name);
        Assert.False(interfaces[1].Children.OfType<AsaInterfaceShutdown>().Single().Negated);
    }

    [Fact]
    public void PixSixInterfaceForms()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "interface ethernet0 auto",
            "nameif ethernet0 outside security0",
            "ip address outside 192.0.2.2 255.255.255.0",
            "ip address inside dhcp setroute retry 10");
        var nameif = Parsing.Single<AsaPixNameif>(ast);
        Assert.Equal(("ethernet0", "outside", 0), (nameif.Hardware.Value, nameif.Name.Value, nameif.Level!.Value.Value));
        var addresses = Parsing.All<AsaPixInterfaceAddress>(ast).ToList();
        Assert.Equal("192.0.2.2/24", addresses[0].Prefix.ToString());
        Assert.True(addresses[1].Dynamic);
    }

    [Fact]
    public void NetworkObjectsAndObjectNat()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "object network WEB",
            " host 10.0.0.5",
            " nat (inside,outside) static 203.0.113.5 service tcp 8080 www",
            "object network LAN",
            " subnet 10.0.0.0 255.255.255.0",
            " nat (inside,outside) dynamic interface",
            "object network POOL",
            " range 203.0.113.10 203.0.113.20",
            "object network ANYWHERE",
            " fqdn v4 www.example.com",
            "object network NOPAIR",
            " subnet 4.0.0.0 255.255.255.248",
            " nat static 192.168.2.0",
            "object network FALLBACK",
            " nat (inside,outside) dynamic POOL interface");
        var nats = Parsing.All<AsaObjectNat>(ast).ToList();
        Assert.Equal(4, nats.Count);
        Assert.True(nats[0].Static);
        Assert.Equal(AsaNatAddressKind.Address, nats[0].Mapped.Kind);
        Assert.Equal(TransportProtocol.Tcp, nats[0].ServiceProtocol);
        Assert.Equal((8080, 80), (nats[0].RealPort!.Value.Value, nats[0].MappedPort!.Value.Value));
        Assert.Equal(AsaNatAddressKind.Interface, nats[1].Mapped.Kind);
        Assert.Equal(("inside", "outside"), (nats[1].RealInterface!.Value.Value, nats[1].MappedInterface!.Value.Value));
        Assert.Null(nats[2].RealInterface);
        Assert.Equal(AsaNatAddressKind.Object, nats[3].Mapped.Kind);
        Assert.True(nats[3].InterfaceFallback);
        var addresses = Parsing.All<AsaObjectAddress>(ast).ToList();
        Assert.Equal([AsaObjectAddressKind.Host, AsaObjectAddressKind.Subnet, AsaObjectAddressKind.Range, AsaObjectAddressKind.Fqdn, AsaObjectAddressKind.Subnet],
            addresses.Select(a => a.Kind));
        Assert.Equal("203.0.113.10-203.0.113.20", addresses[2].Range.ToString());
        Assert.Equal("www.example.com", addresses[3].Fqdn);
    }

    [Fact]
    public void ObjectServiceAndObjectGroups()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "object service SIP-TLS",
            " service tcp destination eq 5061",
            "object-group network INSIDE",
            " network-object host 10.0.0.1",
            " network-object 10.1.0.0 255.255.0.0",
            " network-object object WEB",
            " group-object OTHER",
            "object-group service WEBPORTS tcp",
            " port-object eq www",
            " port-object range 8000 8080",
            "object-group service MIXED",
            " service-object udp destination range 16384 32767",
            " service-object object SIP-TLS",
            "object-group protocol PROTOS",
            " protocol-object esp");
        var service = Parsing.Single<AsaServiceDefinition>(ast);
        Assert.Equal("tcp", service.Protocol.Value);
        Assert.Equal(5061, service.DestinationPorts!.Ports.Single().Value);
        var groups = Parsing.All<AsaObjectGroup>(ast).ToList();
        Assert.Equal(["network", "service", "service", "protocol"], groups.Select(g => g.Kind));
        Assert.Equal("tcp", groups[1].Protocol);
        var members = Parsing.All<AsaGroupMember>(ast).Select(m => m.Kind).ToList();
        Assert.Equal(
            [AsaGroupMemberKind.Address, AsaGroupMemberKind.Address, AsaGroupMemberKind.Object, AsaGroupMemberKind.Group,
             AsaGroupMemberKind.Port, AsaGroupMemberKind.Port, AsaGroupMemberKind.Service, AsaGroupMemberKind.ServiceObject, AsaGroupMemberKind.Protocol],
            members);
        var range = Parsing.All<AsaGroupMember>(ast).First(m => m.Kind == AsaGroupMemberKind.Service).Ports!;
        Assert.Equal(AsaPortOperator.Range, range.Operator);
        Assert.Equal([16384, 32767], range.Ports.Select(p => p.Value));
    }

    [Fact]
    public void TwiceNat()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "nat (inside,outside) after-auto source static REAL MAPPED destination static DMAPPED DREAL service SVC1 SVC2 description Static Twice NAT",
            "nat (inside,any) source static REAL MAPPED-GROUP inactive",
            "nat source dynamic LAN interface",
            "nat (outside,inside) source static any any destination static interface SERVER service http.0 http.0",
            "nat (inside,outside) source dynamic LAN POOL interface destination static D D");
        var rules = Parsing.All<AsaTwiceNat>(ast).ToList();
        Assert.Equal(5, rules.Count);
        Assert.True(rules[0].AfterAuto);
        Assert.True(rules[0].Static);
        Assert.Equal(("REAL", "MAPPED"), (rules[0].RealSource.Text.Value, rules[0].MappedSource.Text.Value));
        Assert.Equal(("DMAPPED", "DREAL"), (rules[0].MappedDestination!.Text.Value, rules[0].RealDestination!.Text.Value));
        Assert.Equal(("SVC1", "SVC2"), (rules[0].RealService!.Value.Value, rules[0].MappedService!.Value.Value));
        Assert.Equal("Static Twice NAT", rules[0].Description);
        Assert.True(rules[1].Inactive);
        Assert.Null(rules[2].RealInterface);
        Assert.False(rules[2].Static);
        Assert.Equal(AsaNatAddressKind.Interface, rules[2].MappedSource.Kind);
        Assert.Equal(AsaNatAddressKind.Any, rules[3].RealSource.Kind);
        Assert.Equal(AsaNatAddressKind.Interface, rules[3].MappedDestination!.Kind);
        Assert.True(rules[4].InterfaceFallback);
    }

    [Fact]
    public void LegacyPixNat()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "global (outside) 1 interface",
            "global (outside) 2 192.0.2.11-192.0.2.15",
            "global (outside) 2 192.0.2.128 netmask 255.255.255.240",
            "nat (inside) 1 access-list INSIDE_NAT",
            "nat (inside) 0 access-list EXEMPT",
            "nat (inside) 3 0 0",
            "nat (dmz) 2 10.2.2.0 255.255.255.0 outside 1000",
            "static (inside,outside) tcp interface www access-list WEBSRV 0 0",
            "static (inside,outside) tcp 203.0.113.16 smtp 10.1.1.16 25 netmask 255.255.255.255 0 0",
            "static (inside,dmz) 10.0.0.16 10.1.1.16 netmask 255.255.255.240",
            "static (inside,dmz) interface 10.1.1.111");
        var globals = Parsing.All<AsaLegacyGlobal>(ast).ToList();
        Assert.True(globals[0].InterfaceAddress);
        Assert.Equal("192.0.2.11-192.0.2.15", globals[1].Range.ToString());
        Assert.Equal("255.255.255.240", globals[2].Netmask.ToString());
        var nats = Parsing.All<AsaLegacyNat>(ast).ToList();
        Assert.Equal("INSIDE_NAT", nats[0].AccessList!.Value.Value);
        Assert.Equal(0, nats[1].Id.Value);
        Assert.Equal(AddressRange.All, nats[2].Match);
        Assert.Equal(["outside", "1000"], nats[3].Options.ToArray());
        var statics = Parsing.All<AsaLegacyStatic>(ast).ToList();
        Assert.True(statics[0].MappedIsInterface);
        Assert.Equal(80, statics[0].MappedPort!.Value.Value);
        Assert.Equal("WEBSRV", statics[0].AccessList!.Value.Value);
        Assert.Equal((25, 25), (statics[1].MappedPort!.Value.Value, statics[1].RealPort!.Value.Value));
        Assert.Equal("10.1.1.16", statics[1].RealAddress!.Value.Value.ToString());
        Assert.Equal(("inside", "dmz"), (statics[2].RealInterface.Value, statics[2].MappedInterface.Value));
        Assert.Equal("255.255.255.240", statics[2].Netmask.ToString());
        Assert.True(statics[3].MappedIsInterface);
    }

    [Fact]
    public void AccessListsAndAccessGroups()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "access-list OUT remark allow web",
            "access-list OUT extended permit tcp any4 host 10.0.0.5 eq www log",
            "access-list OUT extended deny udp 10.0.0.0 255.0.0.0 range 1000 2000 object-group DST object-group PORTS",
            "access-list OUT extended permit object-group SVC object-group SRC any",
            "access-list PIX permit tcp any interface outside eq ssh",
            "access-list STD standard permit 192.0.2.0 255.255.255.0",
            "access-list L2 ethertype permit bpdu",
            "access-group OUT in interface outside",
            "access-group GLOBAL global");
        Assert.Equal("allow web", Parsing.Single<AsaAclRemark>(ast).Text);
        var entries = Parsing.All<AsaAclEntry>(ast).ToList();
        Assert.Equal(5, entries.Count);
        Assert.Equal(AclAction.Permit, entries[0].Action);
        Assert.Equal((byte?)6, entries[0].Protocol!.Number);
        Assert.Equal(AsaAclAddressKind.Any, entries[0].Source.Kind);
        Assert.Equal(80, entries[0].DestinationPorts!.Ports.Single().Value);
        Assert.Equal(["log"], entries[0].Options.ToArray());
        Assert.Equal(0x00FFFFFFu, entries[1].Source.Match!.Value.Wildcard);
        Assert.Equal(AsaPortOperator.Range, entries[1].SourcePorts!.Operator);
        Assert.Equal("PORTS", entries[1].DestinationPortGroup!.Value.Value);
        Assert.True(entries[2].Protocol!.IsGroup);
        Assert.Equal(AsaAclAddressKind.Interface, entries[3].Destination!.Kind);
        Assert.True(entries[4].Standard);
        Assert.Equal("ethertype", Parsing.Single<AsaAclUnmodelled>(ast).Kind);
        Assert.Empty(ast.Unrecognized);
        var groups = Parsing.All<AsaAccessGroup>(ast).ToList();
        Assert.Equal(AsaAccessGroupDirection.In, groups[0].Direction);
        Assert.Equal("outside", groups[0].Interface!.Value.Value);
        Assert.Equal(AsaAccessGroupDirection.Global, groups[1].Direction);
    }

    [Fact]
    public void ClassMapsPolicyMapsAndServicePolicy()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "class-map inspection_default",
            " match default-inspection-traffic",
            "class-map SIP_ALT",
            " match port udp eq 5070",
            "class-map H323",
            " match port tcp range h323 1721",
            "class-map VOICE",
            " match access-list VOICE_ACL",
            "policy-map global_policy",
            " class inspection_default",
            "  inspect dns preset_dns_map",
            "  inspect h323 h225",
            "  inspect h323 ras",
            "  inspect ftp strict",
            "  inspect icmp error",
            "  inspect ip-options",
            "  inspect ipsec-pass-thru",
            "  inspect sip SIPMAP",
            "  no inspect esmtp",
            " class SIP_ALT",
            "  inspect sip",
            "service-policy global_policy global",
            "service-policy OUTSIDE_POLICY interface outside");
        var matches = Parsing.All<AsaClassMatch>(ast).ToList();
        Assert.Equal([AsaClassMatchKind.DefaultInspectionTraffic, AsaClassMatchKind.Port, AsaClassMatchKind.Port, AsaClassMatchKind.AccessList], matches.Select(m => m.Kind));
        Assert.Equal(TransportProtocol.Udp, matches[1].Protocol);
        Assert.Equal(5070, matches[1].Ports!.Ports.Single().Value);
        Assert.Equal([1720, 1721], matches[2].Ports!.Ports.Select(p => p.Value));
        var policyMap = Parsing.Single<AsaPolicyMap>(ast);
        var classes = policyMap.Children.OfType<AsaPolicyClass>().ToList();
        Assert.Equal(["inspection_default", "SIP_ALT"], classes.Select(c => c.Name.Value));
        var inspects = classes[0].Children.OfType<AsaInspect>().ToList();
        Assert.Equal(["dns", "h323 h225", "h323 ras", "ftp", "icmp error", "ip-options", "ipsec-pass-thru", "sip", "esmtp"], inspects.Select(i => i.Protocol.Value));
        Assert.Equal("preset_dns_map", inspects[0].Map!.Value.Value);
        Assert.Equal(["strict"], inspects[3].Arguments.ToArray());
        Assert.Null(inspects[3].Map);
        Assert.Equal("SIPMAP", inspects[7].Map!.Value.Value);
        Assert.True(inspects[8].Negated);
        var policies = Parsing.All<AsaServicePolicy>(ast).ToList();
        Assert.Null(policies[0].Interface);
        Assert.Equal("outside", policies[1].Interface!.Value.Value);
    }

    [Fact]
    public void InspectMapsWithParametersAndMatches()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "policy-map type inspect sip SIPMAP",
            " parameters",
            "  im",
            "  ip-address-privacy",
            "  max-forwards-validation action drop log",
            "  rtp-conformance enforce-payloadtype",
            "  software-version action mask log",
            "  state-checking action drop-connection log",
            "  strict-header-validation action drop log",
            "  no traffic-non-sip",
            "  uri-non-sip action mask log",
            " match calling-party regex BLOCKED",
            "  drop-connection log",
            "policy-map type inspect dns DNSMAP",
            " parameters",
            "  message-length maximum 512",
            "policy-map type inspect dcerpc RPCMAP",
            " parameters",
            "  timeout pinhole 0:10:00",
            "logging enable");
        var maps = Parsing.All<AsaInspectMap>(ast).ToList();
        Assert.Equal(["sip", "dns", "dcerpc"], maps.Select(m => m.Protocol.Value));
        var parameters = Parsing.All<AsaInspectParameter>(ast).ToList();
        Assert.Equal(11, parameters.Count);
        var maxForwards = parameters.Single(p => p.Name.Value == "max-forwards-validation");
        Assert.Equal("drop", maxForwards.Action);
        Assert.True(maxForwards.Log);
        Assert.True(parameters.Single(p => p.Name.Value == "traffic-non-sip").Negated);
        Assert.Equal(["pinhole", "0:10:00"], parameters.Last().Values.Select(v => v.Value));
        var match = Parsing.Single<AsaInspectMatch>(ast);
        Assert.Equal("calling-party regex BLOCKED", match.Criteria);
        Assert.Equal("drop-connection", Assert.IsType<AsaInspectAction>(Assert.Single(match.Children)).Action.Value);
        // A global command after an inspect map is not taken for one of its parameters.
        Assert.Contains(ast.Ignored, i => i.Command == "logging");
    }

    [Fact]
    public void TimeoutLinesWithSeveralPairs()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "timeout conn 1:00:00 half-closed 0:10:00 udp 0:02:00 icmp 0:00:02",
            "timeout sip 0:30:00 sip_media 0:02:00 sip-invite 0:03:00 sip-disconnect 0:02:00",
            "timeout sip_invite 0:03:00 sip-provisional-media 0:02:00 uauth 0:05:00 absolute",
            "timeout xlate 0:0:0",
            "timeout floating-conn 0");
        var timeouts = Parsing.All<AsaTimeout>(ast).ToList();
        Assert.Equal([3600, 600, 120, 2], timeouts[0].Values.Select(v => v.Seconds.Value));
        Assert.Equal(["sip", "sip_media", "sip-invite", "sip-disconnect"], timeouts[1].Values.Select(v => v.Name.Value));
        Assert.Equal("absolute", timeouts[2].Values[2].Qualifier);
        Assert.Equal(0, timeouts[3].Values.Single().Seconds.Value);
        Assert.Equal(0, timeouts[4].Values.Single().Seconds.Value);
    }

    [Fact]
    public void PixFixups()
    {
        var ast = Parsing.Lines(Dialect.Asa,
            "fixup protocol h323 ras 1718-1719",
            "fixup protocol sip udp 5060",
            "fixup protocol dns maximum-length 512",
            "no fixup protocol smtp 25",
            "fixup protocol icmp error");
        var fixups = Parsing.All<AsaFixup>(ast).ToList();
        Assert.Equal("h323 ras", fixups[0].Protocol.Value);
        Assert.Equal(new PortRange(1718, 1719), fixups[0].Ports.Single().Value);
        Assert.Equal(TransportProtocol.Udp, fixups[1].Transport);
        Assert.Empty(fixups[2].Ports);
        Assert.Equal(["maximum-length", "512"], fixups[2].Options.ToArray());
        Assert.True(fixups[3].Negated);
        Assert.Equal("icmp error", fixups[4].Protocol.Value);
    }

    [Fact]
    public void CommentsVersionAndIgnoredDeviceSettings()
    {
        var (ast, diagnostics) = Parsing.Parse(": Saved\n:\nASA Version 9.8(2)\n!\nhostname fw\nlogging enable\nsnmp-server community public\nCryptochecksum:0123abcd\n: end\n");
        Assert.Equal(Dialect.Asa, ast.Dialect);
        Assert.Equal("9.8(2)", Parsing.Single<AsaVersion>(ast).Version);
        Assert.Empty(ast.Unrecognized);
        Assert.Equal(2, ast.Ignored.Length);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "ALG1001");
    }

    [Fact]
    public void MalformedModelledLineIsAnErrorAndTheRestStillLoads()
    {
        var (ast, diagnostics) = Parsing.Parse("ASA Version 9.8\nnat (inside,outside) source bogus A B\nhostname fw\n");
        Assert.Single(ast.Unrecognized);
        Assert.Contains(diagnostics.Items, d => d.Code == "ALG1002" && d.Span.Line == 2);
        Assert.Equal("fw", Parsing.Single<AsaHostname>(ast).Name.Value);
    }
}
