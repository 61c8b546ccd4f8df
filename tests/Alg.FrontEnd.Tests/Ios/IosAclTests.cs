using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Ios;

/// <summary>IOS access lists: numbered and named, standard and extended, sequence numbers and object-groups.</summary>
public sealed class IosAclTests
{
    [Fact]
    public void Numbered_lines_append_to_one_list_in_order()
    {
        var acl = Configs.Policy("access-list 101 permit tcp any host 1.2.3.4 eq www\naccess-list 101 deny ip any any\n").Acls.Single();

        Assert.Equal(AclKind.Extended, acl.Kind);
        Assert.Equal([10, 20], acl.Entries.Select(e => e.Sequence));
        Assert.Equal((byte)6, acl.Entries[0].Protocol);
        Assert.Equal(new[] { PortRange.Single(80) }, acl.Entries[0].DestinationPorts.ToArray());
        Assert.Equal(AclAction.Deny, acl.Entries[1].Action);
    }

    [Fact]
    public void Standard_numbered_list_tests_the_source()
    {
        var entry = Configs.Policy("access-list 1 permit 192.168.1.0 0.0.0.255\n").Acls.Single().Entries.Single();

        Assert.True(entry.Sources.Single().Matches(Ipv4Address.Parse("192.168.1.77")));
        Assert.False(entry.Sources.Single().Matches(Ipv4Address.Parse("192.168.2.1")));
        Assert.True(entry.Destinations.Single().IsAny);
    }

    [Fact]
    public void Named_list_with_sequence_numbers_and_deletion()
    {
        var acl = Configs.Policy("ip access-list extended EDGE\n 20 deny udp any any range 5060 5061\n 10 permit tcp any any established\n 30 permit icmp any any\n no 30\n").Acls.Single();

        Assert.Equal([10, 20], acl.Entries.Select(e => e.Sequence));
        Assert.True(acl.Entries[0].Established);
        Assert.Equal(new[] { new PortRange(5060, 5061) }, acl.Entries[1].DestinationPorts.ToArray());
    }

    [Fact]
    public void Port_operators_become_ranges()
    {
        var entries = Configs.Policy("access-list 120 permit udp any gt 1023 any lt 1024\naccess-list 120 permit udp any any neq 53\n").Acls.Single().Entries;

        Assert.Equal(new[] { new PortRange(1024, 65535) }, entries[0].SourcePorts.ToArray());
        Assert.Equal(new[] { new PortRange(0, 1023) }, entries[0].DestinationPorts.ToArray());
        Assert.Equal(new[] { new PortRange(0, 52), new PortRange(54, 65535) }, entries[1].DestinationPorts.ToArray());
    }

    [Fact]
    public void Object_group_addresses_are_expanded()
    {
        var entry = Configs.Policy("object-group network PHONES\n host 10.0.0.5\n range 10.0.0.8 10.0.0.11\nip access-list extended V\n permit ip object-group PHONES any\n").Acls.Single().Entries.Single();

        Assert.True(entry.Sources.Any(s => s.Matches(Ipv4Address.Parse("10.0.0.5"))));
        Assert.True(entry.Sources.Any(s => s.Matches(Ipv4Address.Parse("10.0.0.11"))));
        Assert.False(entry.Sources.Any(s => s.Matches(Ipv4Address.Parse("10.0.0.7"))));
    }

    [Fact]
    public void Unknown_port_name_is_an_error_with_a_suggestion()
    {
        var result = Configs.Load("access-list 101 permit tcp any any eq htps\n");

        Assert.Contains("did you mean 'https'", result.Single(DiagnosticCatalog.UnknownPortName).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_list_ends_at_the_next_keyword()
    {
        // Cisco IOS Security Command Reference, "permit (IP)": after `eq port` come the destination or the options.
        var result = Configs.Load("ip access-list extended E\n permit tcp host 10.0.0.1 host 10.0.0.2 eq 22 log\n permit tcp 10.0.0.0 0.0.0.255 eq 80 host 10.0.0.9 established\n");

        result.NoErrors();
        var entries = result.Bound!.Policy.Acls.Single().Entries;
        Assert.Equal(new[] { PortRange.Single(22) }, entries[0].DestinationPorts.ToArray());
        Assert.Equal(new[] { PortRange.Single(80) }, entries[1].SourcePorts.ToArray());
        Assert.True(entries[1].Destinations.Single().Matches(Ipv4Address.Parse("10.0.0.9")));
        Assert.True(entries[1].Established);
    }

    [Fact]
    public void A_fragments_entry_is_left_out_and_named()
    {
        // `fragments` matches non-initial fragments only (Cisco, "Access Control Lists and IP Fragments"); Alg
        // reassembles datagrams before its ACLs, so such an entry never matches there.
        var result = Configs.Load("ip access-list extended E\n deny ip any any fragments\n permit tcp any any eq 22\n");

        var acl = result.Bound!.Policy.Acls.Single();
        Assert.Equal(AclAction.Permit, acl.Entries.Single().Action);
        Assert.Equal(2, result.Single(DiagnosticCatalog.NotModelled).Span.Line);
        Assert.Empty(result.WithCode(DiagnosticCatalog.ShadowedAclRule));
    }

    [Fact]
    public void An_icmp_type_is_named_and_never_proves_a_later_entry_dead()
    {
        var result = Configs.Load("ip access-list extended E\n permit icmp any any echo-reply\n permit icmp any any\n permit icmp any any 3 1\n");

        Assert.Equal([2, 4], result.WithCode(DiagnosticCatalog.NotModelled).Select(d => d.Span.Line));

        // Line 3 is not dead: echo-reply is one ICMP type of many. Line 4 is: line 3 permits every ICMP message.
        Assert.Equal(4, result.Single(DiagnosticCatalog.ShadowedAclRule).Span.Line);
    }

    [Fact]
    public void A_time_range_is_named_as_not_modelled()
    {
        var result = Configs.Load("ip access-list extended E\n permit tcp any any eq 80 time-range evening\n deny tcp any any eq 80\n");

        Assert.Contains("time-range", result.Single(DiagnosticCatalog.NotModelled).Message, StringComparison.Ordinal);
        Assert.Empty(result.WithCode(DiagnosticCatalog.ShadowedAclRule));
    }

    [Fact]
    public void An_object_group_service_may_hold_icmp()
    {
        var result = Configs.Load("object-group service PING\n icmp echo\n icmp\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
    }

    [Fact]
    public void An_ipv6_access_list_loads_without_touching_the_ipv4_policy()
    {
        var result = Configs.Load("ipv6 access-list V6\n permit ipv6 any any\n deny tcp any host 2001:db8::1 eq 22\n sequence 30 permit icmp any any\ninterface e0\n ipv6 traffic-filter V6 in\n ip nat inside\n");

        result.NoErrors();
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        Assert.Empty(result.Bound!.Policy.Acls);
        Assert.Equal(InterfaceRole.Inside, result.Bound.Policy.FindInterface("e0")!.Role);
    }

    [Fact]
    public void A_service_object_group_protocol_is_named_where_the_list_is_applied_and_proves_nothing()
    {
        const string Groups = "object-group service WEB\n tcp eq 80\n tcp eq 443\nip access-list extended E\n permit object-group WEB any any\n deny tcp any any eq 22\n";
        var applied = Configs.Load(Groups + "interface e0\n ip access-group E in\n");
        var unapplied = Configs.Load(Groups);

        Assert.Equal(5, applied.Single(DiagnosticCatalog.NotModelled).Span.Line);
        Assert.Empty(applied.WithCode(DiagnosticCatalog.ShadowedAclRule));
        Assert.Empty(unapplied.WithCode(DiagnosticCatalog.NotModelled));
    }

    [Theory]
    [InlineData("non500-isakmp", 4500)]
    [InlineData("drip", 3949)]
    [InlineData("bfd", 3784)]
    public void Ios_port_keywords_are_known(string name, int port)
    {
        var entry = Configs.Policy($"access-list 101 permit udp any any eq {name}\n").Acls.Single().Entries.Single();

        Assert.Equal(new[] { PortRange.Single(port) }, entry.DestinationPorts.ToArray());
    }
}
