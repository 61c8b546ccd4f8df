using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Runtime.Tests.Support;

/// <summary>Small policies: an inside LAN 192.168.1.0/24 behind an outside interface 203.0.113.1.</summary>
public static class TestPolicies
{
    public const string InsideNetwork = "192.168.1.0";
    public const string OutsideAddress = "203.0.113.1";

    public static readonly NatBehavior Rfc4787Recommended = new(
        MappingBehavior.EndpointIndependent, FilteringBehavior.EndpointIndependent, PortPreservation: true, ConsistentNat: true, Hairpinning: true, SourceSpan.None);

    public static NatBehavior Behavior(
        MappingBehavior mapping = MappingBehavior.EndpointIndependent,
        FilteringBehavior filtering = FilteringBehavior.EndpointIndependent,
        bool portPreservation = true,
        bool hairpinning = true) =>
        new(mapping, filtering, portPreservation, ConsistentNat: true, hairpinning, SourceSpan.None);

    public static NatRule PatOnInterface(int order = 10) => Rule(NatRuleKind.DynamicPat, NatTargetKind.Interface, order, real: [Subnet(InsideNetwork, 24)], targetInterface: "outside");

    public static NatRule PatOnPool(string pool, int order = 10) => Rule(NatRuleKind.DynamicPat, NatTargetKind.Pool, order, real: [Subnet(InsideNetwork, 24)], targetPool: pool);

    public static NatRule PoolOneToOne(string pool, int order = 10) => Rule(NatRuleKind.DynamicPool, NatTargetKind.Pool, order, real: [Subnet(InsideNetwork, 24)], targetPool: pool);

    public static NatRule Static(string real, string mapped, int prefix = 32, int order = 5) =>
        Rule(NatRuleKind.Static, NatTargetKind.Addresses, order, real: [Subnet(real, prefix)], mapped: [Subnet(mapped, prefix)]);

    public static NatRule PortForward(TransportProtocol protocol, string real, int realPort, int mappedPort, int order = 1) =>
        Rule(NatRuleKind.StaticPort, NatTargetKind.Interface, order, real: [AddressRange.Host(Ipv4Address.Parse(real))], targetInterface: "outside", protocol: protocol, realPort: realPort, mappedPort: mappedPort);

    public static NatRule PatOnInterfaceForAcl(string acl, int order = 10) =>
        Rule(NatRuleKind.DynamicPat, NatTargetKind.Interface, order, targetInterface: "outside") with { MatchAcl = acl };

    public static NatRule ExemptForAcl(string acl, int order = 1) =>
        Rule(NatRuleKind.Exempt, NatTargetKind.None, order) with { MatchAcl = acl };

    public static Acl StandardAcl(string name, params (AclAction Action, string Network, int Prefix)[] lines) =>
        new(name, AclKind.Standard, [.. lines.Select((line, i) => Entry(i + 1, line.Action, null, Match(line.Network, line.Prefix), AddressMatch.Any, []))], SourceSpan.None);

    public static AclEntry Entry(int sequence, AclAction action, byte? protocol, AddressMatch source, AddressMatch destination, ImmutableArray<PortRange> destinationPorts) =>
        new(sequence, action, protocol, [source], [], [destination], destinationPorts, false, SourceSpan.None);

    public static AddressMatch Match(string network, int prefix) =>
        new(Ipv4Address.Parse(network), ~Ipv4Address.FromPrefixLength(prefix).Value);

    public static AddressRange Subnet(string network, int prefix) =>
        AddressRange.Subnet(Ipv4Address.Parse(network), Ipv4Address.FromPrefixLength(prefix));

    public static PolicyModel Policy(
        IEnumerable<NatRule> rules,
        NatBehavior? behavior = null,
        NatLimits? limits = null,
        IEnumerable<NatPool>? pools = null,
        IDictionary<string, long?>? timeouts = null,
        IEnumerable<Acl>? acls = null)
    {
        var interfaces = ImmutableArray.Create(
            new InterfacePolicy("eth0", "inside", InterfaceRole.Inside, new Ipv4Prefix(Ipv4Address.Parse("192.168.1.1"), 24), null, false, null, null, 100, SourceSpan.None),
            new InterfacePolicy("eth1", "outside", InterfaceRole.Outside, new Ipv4Prefix(Ipv4Address.Parse(OutsideAddress), 24), null, false, null, null, 0, SourceSpan.None));
        var timers = ImmutableSortedDictionary.CreateBuilder<string, TimerSetting>(StringComparer.Ordinal);
        if (timeouts is not null)
        {
            foreach (var (name, seconds) in timeouts)
            {
                timers[name] = new TimerSetting(seconds, new SourceSpan("test.cfg", 1, 1, 1, 2));
            }
        }

        return new PolicyModel(
            Dialect.Ios,
            "test",
            [],
            interfaces,
            acls is null ? [] : [.. acls],
            pools is null ? [] : [.. pools],
            [.. rules],
            behavior ?? Rfc4787Recommended,
            limits ?? NatLimits.Unlimited,
            StatefulInspection: true,
            timers.ToImmutable(),
            []);
    }

    private static NatRule Rule(
        NatRuleKind kind,
        NatTargetKind target,
        int order,
        ImmutableArray<AddressRange> real = default,
        string? targetInterface = null,
        string? targetPool = null,
        ImmutableArray<AddressRange> mapped = default,
        TransportProtocol? protocol = null,
        int? realPort = null,
        int? mappedPort = null) =>
        new(
            kind,
            NatDirection.InsideSource,
            MatchAcl: null,
            MatchRouteMap: null,
            real.IsDefault ? [] : real,
            target,
            targetInterface,
            targetPool,
            mapped.IsDefault ? [] : mapped,
            protocol,
            realPort is { } rp ? PortRange.Single(rp) : null,
            mappedPort is { } mp ? PortRange.Single(mp) : null,
            RealInterface: null,
            MappedInterface: null,
            [],
            [],
            Extendable: false,
            TranslatePayload: true,
            Inactive: false,
            order,
            new SourceSpan("test.cfg", order, 1, order, 2));
}
