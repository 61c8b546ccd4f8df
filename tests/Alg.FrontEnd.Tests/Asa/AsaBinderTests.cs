using Alg.Compiler.Lowering;
using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Asa;

/// <summary>ASA configurations bound to the vendor-neutral policy.</summary>
public sealed class AsaBinderTests
{
    [Fact]
    public void TranscriptTurnsSipOffWithAWarningOnTheNoInspectLine()
    {
        var (bound, diagnostics) = Binding.Bind(
            "ciscofirewall# enable |\nPassword: |\nciscofirewall# conf t |\nciscofirewall# policy-map global_policy |\n" +
            "ciscofirewall# no inspect sip |\nciscofirewall# show run | inc policy-map global-policy | inspect sip |\nciscofirewall# end |\n");
        Assert.Equal(Dialect.Asa, bound.Policy.Dialect);
        Assert.False(Binding.Enabled(bound.Policy, "sip"));
        var warning = Assert.Single(diagnostics.Items, d => d.Code == "ALG2006");
        Assert.Equal(5, warning.Span.Line);
        Assert.Equal(5, bound.Policy.FindAlg("sip")!.Source.Line);
        // The session edits the running factory policy: the other default inspections stay on.
        Assert.True(Binding.Enabled(bound.Policy, "ftp"));
    }

    [Fact]
    public void FileWithoutGlobalPolicyGetsTheFactoryInspections()
    {
        var policy = Binding.Policy(Dialect.Asa, "ASA Version 9.8", "hostname fw");
        foreach (var alg in new[] { "dns", "ftp", "h323-q931", "h323-ras", "rsh", "rtsp", "esmtp", "sqlnet", "skinny", "sunrpc", "xdmcp", "sip", "netbios", "tftp", "ip-options" })
        {
            Assert.True(Binding.Enabled(policy, alg), alg);
        }

        foreach (var alg in new[] { "ctiqbe", "msrpc", "http", "icmp", "icmp-error", "mgcp", "pptp", "snmp" })
        {
            Assert.False(Binding.Enabled(policy, alg), alg);
        }

        Assert.Equal([AlgPort.Udp(1718), AlgPort.Udp(1719)], policy.FindAlg("h323-ras")!.Ports.ToArray());
    }

    [Fact]
    public void GlobalPolicyWithoutSipTurnsSipOff()
    {
        var policy = Binding.Policy(Dialect.Asa,
            "class-map inspection_default",
            " match default-inspection-traffic",
            "policy-map global_policy",
            " class inspection_default",
            "  inspect ftp",
            "  inspect pptp",
            "service-policy global_policy global");
        Assert.False(Binding.Enabled(policy, "sip"));
        Assert.False(Binding.Enabled(policy, "dns"));
        Assert.True(Binding.Enabled(policy, "ftp"));
        Assert.True(Binding.Enabled(policy, "pptp"));
    }

    [Fact]
    public void MatchPortClassAddsPortsAndInspectMapsSetOptions()
    {
        var policy = Binding.Policy(Dialect.Asa,
            "class-map SIP_ALT",
            " match port udp eq 5070",
            "class-map inspection_default",
            " match default-inspection-traffic",
            "policy-map type inspect sip SIPMAP",
            " parameters",
            "  state-checking action drop-connection log",
            "  no traffic-non-sip",
            "policy-map type inspect dns DNSMAP",
            " parameters",
            "  message-length maximum 1024",
            "policy-map type inspect dcerpc RPCMAP",
            " parameters",
            "  timeout pinhole 0:05:00",
            "policy-map global_policy",
            " class inspection_default",
            "  inspect sip SIPMAP",
            "  inspect dns DNSMAP",
            "  inspect dcerpc RPCMAP",
            "  inspect ftp strict",
            " class SIP_ALT",
            "  inspect sip",
            "service-policy global_policy global");
        var sip = policy.FindAlg("sip")!;
        Assert.True(sip.Enabled);
        Assert.Contains(AlgPort.Udp(5070), sip.Ports);
        Assert.Contains(AlgPort.Udp(5060), sip.Ports);
        Assert.Equal("SIPMAP", sip.InspectMap);
        Assert.Equal("drop-connection", sip.Options["state-checking"].Text);
        Assert.False(sip.Options["traffic-non-sip"].AsBoolean);
        Assert.Equal(1024, policy.FindAlg("dns")!.Options["message-length-maximum"].Number);
        Assert.Equal(300, policy.FindAlg("msrpc")!.Options["pinhole-timeout"].Number);
        Assert.True(policy.FindAlg("ftp")!.Options["strict"].AsBoolean);
    }

    /// <summary>An FTP inspect map's <c>match request-command</c> with a reset action denies those commands (get = RETR,
    /// put = STOR); a match that only logs changes nothing and says so (ALG2008).</summary>
    [Fact]
    public void FtpInspectMapRequestCommandsWithResetSetDenyOptions()
    {
        var (bound, diagnostics) = Binding.Bind(string.Join('\n',
            "ASA Version 9.8",
            "policy-map type inspect ftp FTPMAP",
            " match request-command put get",
            "  reset log",
            " match request-command site",
            "  log",
            "policy-map global_policy",
            " class inspection_default",
            "  inspect ftp FTPMAP",
            "service-policy global_policy global") + "\n", Dialect.Asa);
        var ftp = bound.Policy.FindAlg("ftp")!;

        Assert.True(ftp.Options["deny-put"].AsBoolean);
        Assert.True(ftp.Options["deny-get"].AsBoolean);
        Assert.False(ftp.Options.TryGetValue("deny-site", out var site) && site.AsBoolean);
        Assert.Contains(diagnostics.Items, d => d.Code == "ALG2008" && d.Span.Line == 5);
    }

    [Fact]
    public void TimeoutsSetTimersAndAlgOptions()
    {
        var (bound, diagnostics) = Binding.Bind(string.Join('\n',
            "ASA Version 9.8",
            "timeout xlate 3:00:00",
            "timeout conn 1:00:00 half-closed 0:10:00 udp 0:02:00 icmp 0:00:02",
            "timeout sip 0:30:00 sip_media 0:02:00 sip-invite 0:03:00 sip-disconnect 0:02:00",
            "timeout sip_invite 0:04:00 sip-provisional-media 0:02:00 uauth 0:05:00 absolute",
            "timeout h323 0:05:00 h225 1:00:00 mgcp 0:05:00 mgcp-pat 0:05:00 sunrpc 0:10:00",
            "timeout pptp-gre 0:02:00",
            "timeout udp 0",
            "timeout bogus 0:01:00") + "\n");
        var policy = bound.Policy;
        Assert.Equal(10800, policy.Timeouts["translation"].Seconds);
        Assert.Equal(3600, policy.Timeouts["tcp"].Seconds);
        Assert.Null(policy.Timeouts["udp"].Seconds);
        var sip = policy.FindAlg("sip")!;
        Assert.Equal(1800, sip.Options["signaling-timeout"].Number);
        Assert.Equal(240, sip.Options["invite-timeout"].Number);
        Assert.Equal(3600, policy.FindAlg("h323-q931")!.Options["h225-timeout"].Number);
        Assert.Equal(300, policy.FindAlg("mgcp")!.Options["pat-timeout"].Number);
        Assert.Equal(120, policy.FindAlg("pptp")!.Options["gre-timeout"].Number);
        Assert.Contains(diagnostics.Items, d => d.Code == "ALG2002" && d.Message.Contains("bogus", StringComparison.Ordinal));
    }

    [Fact]
    public void PixFixupsEnableAndDisableWithPorts()
    {
        var policy = Binding.Policy(Dialect.Asa,
            "PIX Version 6.3(5)",
            "fixup protocol sip udp 5062",
            "no fixup protocol smtp 25",
            "fixup protocol pptp 1723",
            "fixup protocol h323 ras 1718-1719",
            "fixup protocol h323 1720");
        Assert.Contains(AlgPort.Udp(5062), policy.FindAlg("sip")!.Ports);
        Assert.False(Binding.Enabled(policy, "esmtp"));
        Assert.True(Binding.Enabled(policy, "pptp"));
        Assert.True(Binding.Enabled(policy, "h323-ras"));
        Assert.True(Binding.Enabled(policy, "h323-q931"));
    }

    [Fact]
    public void InterfacesTakeTheirRoleFromNatThenSecurityLevel()
    {
        var policy = Binding.Policy(Dialect.Asa,
            "interface GigabitEthernet0/0",
            " nameif outside",
            " security-level 0",
            " ip address 198.51.100.2 255.255.255.0",
            "interface GigabitEthernet0/1",
            " nameif inside",
            " security-level 100",
            " ip address 10.0.0.1 255.255.255.0",
            "interface GigabitEthernet0/2",
            " nameif dmz",
            " security-level 50",
            "interface GigabitEthernet0/3",
            " nameif partner",
            " security-level 50",
            "object network LAN",
            " subnet 10.0.0.0 255.255.255.0",
            " nat (dmz,partner) dynamic interface",
            "access-list OUT extended permit tcp any host 10.0.0.5 eq www",
            "access-group OUT in interface outside");
        Assert.Equal(InterfaceRole.Outside, policy.FindInterface("outside")!.Role);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("inside")!.Role);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("dmz")!.Role);
        Assert.Equal(InterfaceRole.Outside, policy.FindInterface("partner")!.Role);
        Assert.Equal("GigabitEthernet0/0", policy.FindInterface("outside")!.Name);
        Assert.Equal("OUT", policy.FindInterface("outside")!.InboundAcl);
        var entry = Assert.Single(policy.FindAcl("OUT")!.Entries);
        Assert.Equal((byte?)6, entry.Protocol);
        Assert.Equal([PortRange.Single(80)], entry.DestinationPorts.ToArray());
    }

    [Fact]
    public void NatRulesInSectionOrder()
    {
        var policy = Binding.Policy(Dialect.Asa,
            "object network WEB",
            " host 10.0.0.5",
            " nat (inside,outside) static 203.0.113.5 service tcp 8080 www",
            "object network LAN",
            " subnet 10.0.0.0 255.255.255.0",
            " nat (inside,outside) dynamic interface",
            "nat (inside,outside) after-auto source dynamic any interface",
            "nat (inside,outside) source static LAN LAN destination static VPN VPN",
            "object network VPN",
            " subnet 172.16.0.0 255.255.0.0");
        var rules = policy.NatRules;
        Assert.Equal(4, rules.Length);
        Assert.Equal(NatRuleKind.Static, rules[0].Kind);
        Assert.Equal("172.16.0.0/16", rules[0].RealDestination.Single().ToString());
        Assert.Equal(NatRuleKind.StaticPort, rules[1].Kind);
        Assert.Equal((PortRange.Single(8080), PortRange.Single(80)), (rules[1].RealPort!.Value, rules[1].MappedPort!.Value));
        Assert.Equal(NatRuleKind.DynamicPat, rules[2].Kind);
        Assert.Equal(NatTargetKind.Interface, rules[2].TargetKind);
        Assert.Equal(AddressRange.All, rules[3].RealAddresses.Single());
    }

    [Fact]
    public void LegacyPixNatUsesGlobalPools()
    {
        var policy = Binding.Policy(Dialect.Asa,
            "nat (inside) 1 10.0.0.0 255.255.255.0",
            "nat (inside) 0 access-list EXEMPT",
            "global (outside) 1 192.0.2.10-192.0.2.20",
            "static (inside,outside) tcp interface www 10.0.0.5 www netmask 255.255.255.255");
        Assert.Single(policy.NatPools);
        Assert.Equal(NatRuleKind.Exempt, policy.NatRules[0].Kind);
        Assert.Equal(NatRuleKind.StaticPort, policy.NatRules[1].Kind);
        var dynamic = policy.NatRules[2];
        Assert.Equal((NatRuleKind.DynamicPool, "global 1 (outside)"), (dynamic.Kind, dynamic.TargetPool));
    }

    [Theory]
    [InlineData("mpenning_ciscoconfparse__sample_01.asa")]
    [InlineData("batfish_batfish__asa-nat-mixed")]
    [InlineData("batfish_batfish__asa-nat-twice-static")]
    [InlineData("fwbuilder_fwbuilder__asa8.3-nat.test")]
    [InlineData("fwbuilder_fwbuilder__asa8.3.test")]
    [InlineData("fwbuilder_fwbuilder__pix6.test")]
    [InlineData("fwbuilder_fwbuilder__pix7-nat.test")]
    [InlineData("fwbuilder_fwbuilder__fwsm1.test")]
    public void CorpusConfigurationBinds(string file)
    {
        var bound = Binding.BindCorpus(file);
        if (bound is not null)
        {
            Assert.Equal(Dialect.Asa, bound.Policy.Dialect);

            // The policy lowers to a pipeline: nothing the binder produced trips a lowering pass.
            Assert.NotNull(PolicyLowerer.Lower(bound.Policy));
        }
    }

    [Fact]
    public void SampleConfigurationInspectsWhatItsGlobalPolicyLists()
    {
        var bound = Binding.BindCorpus("mpenning_ciscoconfparse__sample_01.asa");
        if (bound is null)
        {
            return;
        }

        var policy = bound.Policy;
        Assert.True(Binding.Enabled(policy, "sip"));
        Assert.True(Binding.Enabled(policy, "http"));
        Assert.False(Binding.Enabled(policy, "ftp"));
        Assert.Equal("preset_dns_map", policy.FindAlg("dns")!.InspectMap);
        Assert.Equal(InterfaceRole.Inside, policy.FindInterface("INSIDE")!.Role);
        Assert.Equal(InterfaceRole.Outside, policy.FindInterface("OUTSIDE")!.Role);
    }
}
