using Alg.Grammar.Ios.Ast;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Binding;

/// <summary>IOS NAT pools and dynamic and static translation rules.</summary>
public sealed partial class IosBinder
{
    private void BindPool(IosNatPool pool)
    {
        var name = pool.Name.Value;
        _context.References.Define(ReferenceKind.NatPool, name, pool.Name.Span);
        var start = pool.Start.Value;
        var end = pool.End?.Value ?? start;
        int? length = pool.PrefixLength?.Value ?? (pool.Netmask is { } mask && mask.ToPrefixLength() >= 0 ? mask.ToPrefixLength() : null);
        _context.RecordSetting($"nat pool {name}", $"{start}-{end}/{length}", $"pool {name}", pool.Span);
        _pools.RemoveAll(p => p.Name == name);
        _pools.Add(new NatPool(name, start.Value <= end.Value ? new AddressRange(start, end) : new AddressRange(end, start), length, pool.Span));
        if (start.Value > end.Value)
        {
            _context.Diagnostics.Add(DiagnosticCatalog.PoolRangeInverted, pool.Span, name, start, end);
        }
    }

    private void BindDynamic(IosNatDynamic rule)
    {
        var usage = "ip nat " + (rule.Inside ? "inside" : "outside") + (rule.Destination ? " destination" : " source");
        if (rule.Acl is { } acl)
        {
            _context.References.Reference(ReferenceKind.Acl, acl.Value, acl.Span, usage);
        }

        if (rule.RouteMap is { } routeMap)
        {
            _context.References.Reference(ReferenceKind.RouteMap, routeMap.Value, routeMap.Span, usage);
        }

        if (rule.Pool is { } pool)
        {
            _context.References.Reference(ReferenceKind.NatPool, pool.Value, pool.Span, usage);
        }

        if (rule.Interface is { } iface)
        {
            _context.References.Reference(ReferenceKind.Interface, iface.Value, iface.Span, usage);
        }

        var direction = rule.Destination ? NatDirection.InsideDestination : rule.Inside ? NatDirection.InsideSource : NatDirection.OutsideSource;

        // IOS adds `overload` itself to a rule that translates to an interface address.
        var kind = rule.Overload || rule.Interface is not null ? NatRuleKind.DynamicPat : NatRuleKind.DynamicPool;
        var key = $"nat {direction} {rule.Acl?.Value ?? rule.RouteMap?.Value}";
        if (rule.Negated)
        {
            _natRules.RemoveAll(r => r.Direction == direction && r.MatchAcl == rule.Acl?.Value && r.MatchRouteMap == rule.RouteMap?.Value && r.Kind is NatRuleKind.DynamicPat or NatRuleKind.DynamicPool);
            return;
        }

        _context.RecordSetting(key, $"{rule.Pool?.Value}{rule.Interface?.Value} {kind}", $"dynamic NAT for {rule.Acl?.Value ?? rule.RouteMap?.Value}", rule.Span);
        _natRules.Add(new NatRule(
            kind,
            direction,
            rule.Acl?.Value,
            rule.RouteMap?.Value,
            [],
            rule.Pool is not null ? NatTargetKind.Pool : NatTargetKind.Interface,
            rule.Interface?.Value,
            rule.Pool?.Value,
            [],
            null,
            null,
            null,
            null,
            null,
            [],
            [],
            Extendable: false,
            TranslatePayload: true,
            Inactive: InVrf(rule.Vrf, rule.Span),
            Order: _natRules.Count,
            rule.Span));
    }

    private void BindStatic(IosNatStatic rule)
    {
        var usage = "ip nat static";
        if (rule.Interface is { } iface)
        {
            _context.References.Reference(ReferenceKind.Interface, iface.Value, iface.Span, usage);
        }

        if (rule.RouteMap is { } routeMap)
        {
            _context.References.Reference(ReferenceKind.RouteMap, routeMap.Value, routeMap.Span, usage);
        }

        var mask = rule.NetworkMask ?? new Ipv4Address(uint.MaxValue);
        var real = rule.Kind == IosStaticKind.Network ? AddressRange.Subnet(rule.Local.Value, mask) : AddressRange.Host(rule.Local.Value);
        AddressRange? mapped = rule.Global is { } global
            ? (rule.Kind == IosStaticKind.Network ? AddressRange.Subnet(global.Value, mask) : AddressRange.Host(global.Value))
            : null;
        var direction = rule.Inside ? NatDirection.InsideSource : NatDirection.OutsideSource;
        var kind = rule.Kind == IosStaticKind.Port ? NatRuleKind.StaticPort : NatRuleKind.Static;
        if (rule.Negated)
        {
            _natRules.RemoveAll(r => r.Kind == kind && r.Direction == direction && r.RealAddresses.Contains(real)
                && (rule.LocalPort is null || r.RealPort == PortRange.Single(rule.LocalPort.Value.Value)));
            return;
        }

        var key = $"nat static {direction} {rule.Protocol} {rule.Local.Value}:{rule.LocalPort?.Value}";
        _context.RecordSetting(key, $"{mapped?.ToString() ?? rule.Interface?.Value}:{rule.GlobalPort?.Value}", $"static NAT of {rule.Local.Value}", rule.Span);
        _natRules.Add(new NatRule(
            kind,
            direction,
            null,
            rule.RouteMap?.Value,
            [real],
            mapped is null ? NatTargetKind.Interface : NatTargetKind.Addresses,
            rule.Interface?.Value,
            null,
            mapped is { } m ? [m] : [],
            rule.Protocol,
            rule.LocalPort is { } lp ? PortRange.Single(lp.Value) : null,
            rule.GlobalPort is { } gp ? PortRange.Single(gp.Value) : null,
            null,
            null,
            [],
            [],
            rule.Extendable,
            TranslatePayload: !rule.NoPayload,
            Inactive: InVrf(rule.Vrf, rule.Span),
            Order: _natRules.Count,
            rule.Span));
    }

    // A rule with `vrf NAME` translates only traffic of that VRF. Alg has one routing table: applying the rule to
    // the global one would translate traffic the router leaves alone, so the rule is kept in the policy, marked
    // inactive, and named.
    private bool InVrf(string? vrf, Alg.Policy.Text.SourceSpan span)
    {
        if (vrf is null)
        {
            return false;
        }

        _context.Diagnostics.Add(
            DiagnosticCatalog.NotModelled,
            span,
            $"a NAT rule in VRF '{vrf}'",
            "Alg has one routing table and no VRFs, so the rule is left out: alg replay and alg run do not translate with it");
        return true;
    }
}
