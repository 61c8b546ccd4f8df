using System.Collections.Immutable;
using Alg.Grammar.Asa.Ast;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>
/// ASA NAT in evaluation order: section 1 twice NAT (and, on PIX, exemptions and statics), section 2 object NAT
/// (and PIX dynamic NAT), section 3 after-auto twice NAT; file order within a section.
/// </summary>
public sealed partial class AsaBinder
{
    private const int Section1 = 1_000_000;
    private const int Section2 = 2_000_000;
    private const int Section3 = 3_000_000;
    private int _natCount;
    private readonly Dictionary<string, int> _objectNatRules = new(StringComparer.Ordinal);
    private readonly HashSet<Alg.Policy.Text.SourceSpan> _unsupportedLines = [];

    private void BindObjectNat(AsaObjectNetwork network, AsaObjectNat nat)
    {
        var real = ResolveNetwork(network.Name, "object NAT");
        VoteRole(nat.RealInterface?.Value, nat.MappedInterface?.Value);
        var (targetKind, targetInterface, mapped) = Target(nat.Mapped, nat.MappedInterface?.Value, real, nat.Static, "object NAT");
        NatRuleKind kind = nat.Static
            ? nat.ServiceProtocol is null ? NatRuleKind.Static : NatRuleKind.StaticPort
            : Pat(targetKind, mapped) || nat.Flags.Contains("pat-pool") ? NatRuleKind.DynamicPat : NatRuleKind.DynamicPool;
        var rule = Rule(
            kind, null, real, targetKind, targetInterface, null, mapped, nat.ServiceProtocol,
            nat.RealPort is { } realPort ? PortRange.Single(realPort.Value) : null,
            nat.MappedPort is { } mappedPort ? PortRange.Single(mappedPort.Value) : null,
            nat.RealInterface?.Value, nat.MappedInterface?.Value, [], [], false, Section2, nat.Span);

        // An object holds one NAT rule: a later `nat` line in the same object replaces the earlier one.
        if (_objectNatRules.TryGetValue(network.Name.Value, out var index))
        {
            _natRules[index] = rule;
        }
        else
        {
            _objectNatRules[network.Name.Value] = _natRules.Count;
            _natRules.Add(rule);
        }

        var interfaces = $"({nat.RealInterface?.Value ?? "any"},{nat.MappedInterface?.Value ?? "any"})";
        var fallback = nat.InterfaceFallback ? " interface" : string.Empty;
        _context.RecordSetting(
            $"object nat {network.Name.Value}", $"{interfaces} {kind} {nat.Mapped.Text.Value}{fallback}", $"object NAT of {network.Name.Value}", nat.Span);
    }

    private void BindTwiceNat(AsaTwiceNat nat)
    {
        VoteRole(nat.RealInterface?.Value, nat.MappedInterface?.Value);
        var real = Network(nat.RealSource, "twice NAT source");
        var (targetKind, targetInterface, mapped) = Target(nat.MappedSource, nat.MappedInterface?.Value, real, nat.Static, "twice NAT source");
        var mappedDestination = nat.MappedDestination is { } md ? Network(md, "twice NAT destination") : [];
        var realDestination = nat.RealDestination is { } rd ? Network(rd, "twice NAT destination") : [];
        var realService = nat.RealService is { } rs ? Service(rs) : null;
        var mappedService = nat.MappedService is { } ms ? Service(ms) : null;
        var identity = nat.Static && nat.RealSource.Text.Value == nat.MappedSource.Text.Value && nat.MappedDestination is null;
        var kind = identity ? NatRuleKind.Exempt
            : nat.Static ? realService is null ? NatRuleKind.Static : NatRuleKind.StaticPort
            : Pat(targetKind, mapped) || nat.Flags.Contains("pat-pool") ? NatRuleKind.DynamicPat : NatRuleKind.DynamicPool;
        var section = nat.AfterAuto ? Section3 : Section1;
        _natRules.Add(Rule(
            kind, null, real, identity ? NatTargetKind.None : targetKind, targetInterface, null, identity ? [] : mapped,
            realService?.Protocol is 6 ? TransportProtocol.Tcp : realService?.Protocol is 17 ? TransportProtocol.Udp : null,
            realService?.DestinationPorts.FirstOrDefault(), mappedService?.DestinationPorts.FirstOrDefault(),
            nat.RealInterface?.Value, nat.MappedInterface?.Value, mappedDestination, realDestination, nat.Inactive, section, nat.Span));
    }

    private void BindLegacyGlobal(AsaLegacyGlobal global)
    {
        _context.References.Define(ReferenceKind.NatPool, global.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), global.Id.Span);
        if (global.Range is { } range)
        {
            var addresses = global.Netmask is { } mask && range.First == range.Last ? AddressRange.Subnet(range.First, mask) : range;
            _pools.Add(new NatPool(PoolName(global.Id.Value, global.Interface.Value), addresses, global.Netmask?.ToPrefixLength(), global.Span));
        }
    }

    private void BindLegacyNat(AsaLegacyNat nat)
    {
        var id = nat.Id.Value;
        if (nat.AccessList is { } acl)
        {
            _context.References.Reference(ReferenceKind.Acl, acl.Value, acl.Span, $"nat ({nat.Interface.Value}) {id}");
        }

        ImmutableArray<AddressRange> real = nat.Match is { } match ? [match] : [];
        if (id == 0)
        {
            // NAT 0: exemption, checked before every other rule.
            _natRules.Add(Rule(NatRuleKind.Exempt, nat.AccessList?.Value, real, NatTargetKind.None, null, null, [], null, null, null,
                nat.Interface.Value, null, [], [], false, Section1, nat.Span));
            return;
        }

        _context.References.Reference(ReferenceKind.NatPool, id.ToString(System.Globalization.CultureInfo.InvariantCulture), nat.Id.Span, $"nat ({nat.Interface.Value})");
        // A `nat (if) N` pairs with the `global (other_if) N` pools: traffic leaving through other_if is translated.
        foreach (var global in _globals.Where(g => g.Id.Value == id && g.Interface.Value != nat.Interface.Value))
        {
            VoteRole(nat.Interface.Value, global.Interface.Value);
            var pool = global.Range is { } range ? _pools.Find(p => p.Name == PoolName(id, global.Interface.Value) && p.Span == global.Span) : null;
            var single = global.InterfaceAddress || (pool is not null && pool.Addresses.First == pool.Addresses.Last);
            _natRules.Add(Rule(
                single ? NatRuleKind.DynamicPat : NatRuleKind.DynamicPool, nat.AccessList?.Value, real,
                global.InterfaceAddress ? NatTargetKind.Interface : NatTargetKind.Pool,
                global.InterfaceAddress ? global.Interface.Value : null, pool?.Name, pool is null ? [] : [pool.Addresses],
                null, null, null, nat.Interface.Value, global.Interface.Value, [], [], false, Section2, nat.Span));
        }
    }

    private void BindLegacyStatic(AsaLegacyStatic rule)
    {
        VoteRole(rule.RealInterface.Value, rule.MappedInterface.Value);
        if (rule.AccessList is { } acl)
        {
            _context.References.Reference(ReferenceKind.Acl, acl.Value, acl.Span, "static");
        }

        var mask = rule.Netmask ?? new Ipv4Address(uint.MaxValue);
        ImmutableArray<AddressRange> real = rule.RealAddress is { } realAddress ? [AddressRange.Subnet(realAddress.Value, mask)] : [];
        ImmutableArray<AddressRange> mapped = rule.MappedAddress is { } mappedAddress ? [AddressRange.Subnet(mappedAddress.Value, mask)] : [];
        _natRules.Add(Rule(
            rule.Protocol is null ? NatRuleKind.Static : NatRuleKind.StaticPort, rule.AccessList?.Value, real,
            rule.MappedIsInterface ? NatTargetKind.Interface : NatTargetKind.Addresses, rule.MappedIsInterface ? rule.MappedInterface.Value : null,
            null, mapped, rule.Protocol,
            rule.RealPort is { } realPort ? PortRange.Single(realPort.Value) : null,
            rule.MappedPort is { } mappedPort ? PortRange.Single(mappedPort.Value) : null,
            rule.RealInterface.Value, rule.MappedInterface.Value, [], [], false, Section1, rule.Span));
    }

    private static string PoolName(int id, string interfaceName) => $"global {id} ({interfaceName})";

    private ImmutableArray<AddressRange> Network(AsaNatAddress address, string usage) => address.Kind switch
    {
        AsaNatAddressKind.Any => [AddressRange.All],
        AsaNatAddressKind.Address => [AddressRange.Host(address.Address!.Value)],
        AsaNatAddressKind.Interface => [],
        _ => ResolveNetwork(address.Text, usage),
    };

    private AsaServiceEntry? Service(Grammar.Common.Located<string> name)
    {
        _context.References.Reference(ReferenceKind.Object, name.Value, name.Span, "twice NAT service");
        return ResolveServices(name.Value, []).FirstOrDefault();
    }

    /// <summary>What a NAT rule maps to. A static mapping to a bare address keeps the real block's size.</summary>
    private (NatTargetKind Kind, string? Interface, ImmutableArray<AddressRange> Mapped) Target(
        AsaNatAddress mapped, string? mappedInterface, ImmutableArray<AddressRange> real, bool isStatic, string usage)
    {
        switch (mapped.Kind)
        {
            case AsaNatAddressKind.Interface:
                return (NatTargetKind.Interface, mappedInterface, []);
            case AsaNatAddressKind.Address when isStatic && real.Length == 1:
                return (NatTargetKind.Addresses, null, [InlineMapped(mapped.Address!.Value, real[0])]);
            default:
                return (NatTargetKind.Addresses, null, Network(mapped, usage));
        }
    }

    /// <summary>
    /// Says which NAT rules the runtime does not carry out, instead of leaving them silent or letting them widen:
    /// a twice NAT that also translates the destination is skipped by the runtime; a rule whose real side is an
    /// outside interface (or whose mapped side is an inside one) translates outside hosts, which the runtime does
    /// not do, so it is marked outside-source and skipped rather than applied to inside hosts.
    /// </summary>
    private NatRule CheckRuntimeSupport(NatRule rule, ImmutableArray<InterfacePolicy> interfaces)
    {
        if (rule.Inactive)
        {
            return rule;
        }

        // One line may make several rules (a PIX nat id with several globals): one warning for the line.
        var firstForLine = _unsupportedLines.Add(rule.Span);
        if (!rule.MappedDestination.IsDefaultOrEmpty || !rule.RealDestination.IsDefaultOrEmpty)
        {
            if (firstForLine)
            {
                _context.Diagnostics.Add(
                DiagnosticCatalog.NotModelled, rule.Span, "twice NAT with a destination translation",
                    "the runtime skips this rule, so the traffic it would translate is not translated (Alg's lint still checks it)");
            }

            return rule;
        }

        var realRole = RoleOf(rule.RealInterface, interfaces);
        var mappedRole = RoleOf(rule.MappedInterface, interfaces);
        if (realRole == InterfaceRole.Outside || mappedRole == InterfaceRole.Inside)
        {
            if (firstForLine)
            {
                _context.Diagnostics.Add(
                    DiagnosticCatalog.NotModelled, rule.Span, $"NAT of hosts behind '{rule.RealInterface}', an interface on Alg's outside side",
                    "the runtime translates inside hosts only and skips this rule, so those hosts are not translated");
            }

            return rule with { Direction = NatDirection.OutsideSource };
        }

        return rule;
    }

    private static InterfaceRole? RoleOf(string? alias, ImmutableArray<InterfacePolicy> interfaces) =>
        alias is null or "any" ? null : interfaces.FirstOrDefault(i => string.Equals(i.Alias, alias, StringComparison.Ordinal))?.Role;

    /// <summary>
    /// An inline mapped address of static NAT takes the real network's mask: <c>subnet 10.1.1.0 255.255.255.0</c>
    /// with <c>nat (inside,outside) static 198.51.100.10</c> maps onto 198.51.100.0/24 ("Static NAT", ASA
    /// firewall configuration guide: "the netmask or range for the mapped network is the same as that of the real
    /// network"). A real range that is no CIDR block keeps its size from the mapped address.
    /// </summary>
    private static AddressRange InlineMapped(Ipv4Address mapped, AddressRange real)
    {
        var size = (ulong)real.Last.Value - real.First.Value + 1;
        var aligned = (size & (size - 1)) == 0 && (real.First.Value & (uint)(size - 1)) == 0;
        if (!aligned || size == 1)
        {
            return new AddressRange(mapped, new Ipv4Address((uint)(mapped.Value + size - 1)));
        }

        var mask = ~(uint)(size - 1);
        return new AddressRange(new Ipv4Address(mapped.Value & mask), new Ipv4Address((mapped.Value & mask) | ~mask));
    }

    // Dynamic NAT to one address (or an interface) can only work by translating ports: the ASA makes it PAT.
    private static bool Pat(NatTargetKind kind, ImmutableArray<AddressRange> mapped) =>
        kind == NatTargetKind.Interface || (mapped.Length == 1 && mapped[0].First == mapped[0].Last);

    private NatRule Rule(
        NatRuleKind kind, string? acl, ImmutableArray<AddressRange> real, NatTargetKind targetKind, string? targetInterface,
        string? targetPool, ImmutableArray<AddressRange> mapped, TransportProtocol? protocol, PortRange? realPort, PortRange? mappedPort,
        string? realInterface, string? mappedInterface, ImmutableArray<AddressRange> mappedDestination,
        ImmutableArray<AddressRange> realDestination, bool inactive, int section, SourceSpan span)
    {
        if (realInterface is not null and not "any")
        {
            _context.References.Reference(ReferenceKind.Interface, realInterface, span, "nat");
        }

        if (mappedInterface is not null and not "any")
        {
            _context.References.Reference(ReferenceKind.Interface, mappedInterface, span, "nat");
        }

        return new NatRule(
            kind, NatDirection.InsideSource, acl, null, real, targetKind, targetInterface, targetPool, mapped, protocol, realPort, mappedPort,
            realInterface, mappedInterface, mappedDestination, realDestination, false, true, inactive, section + _natCount++, span);
    }
}
