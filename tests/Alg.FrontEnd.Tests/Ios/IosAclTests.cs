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
}
