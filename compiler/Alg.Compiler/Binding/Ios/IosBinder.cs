using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Grammar.Ios.Ast;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Binding;

/// <summary>Binds an IOS AST to the vendor-neutral policy.</summary>
/// <remarks>
/// Statements are applied in file order, as the router applies pasted lines: a later line overrides an
/// earlier one, and a <c>no</c> form undoes what it names. Feature parts live in the partial files.
/// </remarks>
public sealed partial class IosBinder : IDialectBinder
{
    private readonly List<InterfacePolicy> _interfaces = [];
    private readonly Dictionary<string, AclBuilder> _acls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AddressRange>> _networkGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _nestedGroups = new(StringComparer.Ordinal);
    private readonly List<NatPool> _pools = [];
    private readonly List<NatRule> _natRules = [];
    private readonly List<HostLimit> _hostLimits = [];
    private readonly List<(string Acl, Alg.Policy.Text.SourceSpan Span)> _serviceGroupEntries = [];
    private readonly Dictionary<string, string> _unnumbered = new(StringComparer.Ordinal);
    private BindingContext _context = null!;
    private string? _hostname;
    private long? _maxEntries;
    private long? _perHostDefault;
    private Alg.Policy.Text.SourceSpan _limitsSpan = Alg.Policy.Text.SourceSpan.None;
    private bool _statefulInspection;

    public BoundConfiguration Bind(ConfigurationAst ast, DiagnosticBag diagnostics)
    {
        _context = new BindingContext(diagnostics, new AlgTableBuilder(IosDefaults.Algs), new TimerTableBuilder(IosDefaults.Timers));

        // The router's own traffic is in the system-defined zone `self` (Cisco IOS Security Configuration Guide,
        // "Zone-Based Policy Firewall": the self zone), which zone-pairs name without any `zone security self`.
        _context.References.Define(ReferenceKind.Zone, "self", Alg.Policy.Text.SourceSpan.None, builtin: true);

        // Groups first: an ACL may use a group defined further down the file.
        foreach (var group in ast.Statements.OfType<IosObjectGroup>())
        {
            BindObjectGroup(group);
        }

        foreach (var statement in ast.Statements)
        {
            BindStatement(statement);
        }

        NameWidenedServiceGroupEntries();
        BorrowUnnumberedAddresses();

        var policy = new PolicyModel(
            Dialect.Ios,
            _hostname,
            [ast.Source.Path],
            [.. _interfaces],
            [.. _acls.Values.Select(a => a.Build())],
            [.. _pools],
            [.. _natRules],
            IosDefaults.Behavior,
            new NatLimits(_maxEntries, [.. _hostLimits], _limitsSpan, _perHostDefault),
            _statefulInspection,
            _context.Timers.Build(),
            _context.Algs.Build());
        return new BoundConfiguration(ast, policy, _context.References, _context.Settings)         {
            NarrowedAclEntries = _context.NarrowedAclEntries,
            AclFragment = _acls.Count > 0 && _interfaces.Count == 0 && _context.References.References.Count == 0
                && _context.References.Definitions.All(d => d.Builtin || d.Kind == ReferenceKind.Acl),
        };
    }

    private void BindStatement(Statement statement)
    {
        switch (statement)
        {
            case IosHostname hostname:
                _hostname = hostname.Name.Value;
                break;
            case IosInterface iface:
                BindInterface(iface);
                break;
            case IosAccessList acl:
                BindAccessList(acl);
                break;
            case IosNatPool pool:
                BindPool(pool);
                break;
            case IosNatDynamic dynamic:
                BindDynamic(dynamic);
                break;
            case IosNatStatic staticRule:
                BindStatic(staticRule);
                break;
            case IosNatService service:
                BindService(service);
                break;
            case IosNatTimer timer:
                BindTimer(timer);
                break;
            case IosNatPortTimeout portTimeout:
                BindPortTimeout(portTimeout);
                break;
            case IosNatMaxEntries maxEntries:
                BindMaxEntries(maxEntries);
                break;
            case IosRouteMap routeMap:
                BindRouteMap(routeMap);
                break;
            case IosInspectRule rule:
                _context.References.Define(ReferenceKind.InspectRule, rule.Name.Value, rule.Name.Span);
                break;
            case IosClassMapInspect classMap:
                BindClassMap(classMap);
                break;
            case IosPolicyMapInspect policyMap:
                BindPolicyMap(policyMap);
                break;
            case IosZone zone:
                _context.References.Define(ReferenceKind.Zone, zone.Name.Value, zone.Name.Span);
                break;
            case IosZonePair pair:
                BindZonePair(pair);
                break;
            case IosPrefixList prefixList when !prefixList.Negated:
                _context.References.Define(ReferenceKind.PrefixList, prefixList.Name.Value, prefixList.Name.Span);
                break;
            case IosStructureUse use:
                BindStructureUse(use);
                break;
            case IosSettingsBlock block:
                BindSettingsBlock(block);
                break;
            case IosPrefixList:
            case IosInertSetting:
            case IosObjectGroup:
            case IosInspectSetting:
            case IosBanner:
            case SessionCommand:
                break;
            default:
                throw new InvalidOperationException($"IOS binder has no case for {statement.GetType().Name}");
        }
    }

    private void BindInterface(IosInterface iface)
    {
        var name = iface.Name.Value;
        _context.References.Define(ReferenceKind.Interface, name, iface.Name.Span);
        var role = InterfaceRole.Unassigned;
        Ipv4Prefix? address = null;
        var dynamicAddress = false;
        string? description = null;
        var shutdown = false;
        string? inbound = null;
        string? outbound = null;
        IosInterfaceVrf? vrfLine = null;
        foreach (var child in iface.Children)
        {
            switch (child)
            {
                case IosInterfaceAddress ip:
                    if (!ip.Secondary)
                    {
                        address = ip.Address;
                        dynamicAddress = ip.Dhcp;
                    }

                    break;
                case IosInterfaceNat nat:
                    role = nat.Negated ? InterfaceRole.Unassigned
                        : nat.Role == IosNatRole.Inside ? InterfaceRole.Inside
                        : nat.Role == IosNatRole.Outside ? InterfaceRole.Outside
                        : InterfaceRole.Unassigned;
                    _context.RecordSetting($"interface {name} nat", nat.Negated ? "none" : nat.Role.ToString().ToLowerInvariant(), $"ip nat on {name}", nat.Span);
                    break;
                case IosInterfaceAccessGroup group:
                    _context.References.Reference(ReferenceKind.Acl, group.Acl.Value, group.Acl.Span, $"access-group on {name}");
                    var acl = group.Negated ? null : group.Acl.Value;
                    if (group.Inbound)
                    {
                        inbound = acl;
                    }
                    else
                    {
                        outbound = acl;
                    }

                    break;
                case IosInterfaceDescription text:
                    description = text.Text;
                    break;
                case IosInterfaceShutdown down:
                    shutdown = !down.Negated;
                    break;
                case IosInterfaceInspect inspect:
                    _context.References.Reference(ReferenceKind.InspectRule, inspect.Name.Value, inspect.Name.Span, $"ip inspect on {name}");
                    _statefulInspection |= !inspect.Negated;
                    break;
                case IosInterfaceZoneMember zone:
                    _context.References.Reference(ReferenceKind.Zone, zone.Zone.Value, zone.Zone.Span, $"zone-member on {name}");
                    break;
                case IosInterfaceVrf vrf:
                    vrfLine = vrf;
                    break;
                case IosInertSetting:
                    break;
                case IosStructureUse use:
                    BindStructureUse(use with { Usage = $"{use.Usage} on {name}" });
                    break;
                case IosInterfaceUnnumbered unnumbered:
                    _unnumbered[name] = unnumbered.Source.Value;
                    break;
                default:
                    throw new InvalidOperationException($"IOS binder has no interface case for {child.GetType().Name}");
            }
        }

        if (vrfLine is not null && role != InterfaceRole.Unassigned)
        {
            _context.Diagnostics.Add(
                DiagnosticCatalog.NotModelled,
                vrfLine.Span,
                $"the VRF '{vrfLine.Vrf}' of NAT interface {name}",
                "Alg has one routing table, so it puts this interface with the global ones: rules of the global table apply to its traffic and NAT rules of the VRF are left out");
        }

        // A second block for the same interface amends the first, as on the router.
        var existing = _interfaces.FindIndex(i => i.Name == name);
        var policy = new InterfacePolicy(name, null, role, address, description, shutdown, inbound, outbound, null, iface.Span, dynamicAddress);
        if (existing >= 0)
        {
            var old = _interfaces[existing];
            _interfaces[existing] = old with
            {
                Role = iface.Children.Any(c => c is IosInterfaceNat) ? role : old.Role,
                Address = address ?? old.Address,
                DynamicAddress = dynamicAddress || old.DynamicAddress,
                Description = description ?? old.Description,
                Shutdown = iface.Children.Any(c => c is IosInterfaceShutdown) ? shutdown : old.Shutdown,
                InboundAcl = inbound ?? old.InboundAcl,
                OutboundAcl = outbound ?? old.OutboundAcl,
            };
        }
        else
        {
            _interfaces.Add(policy);
        }
    }

    // `ip unnumbered Loopback0` lends the interface Loopback0's address (Cisco IOS IP Addressing Services
    // Configuration Guide, "IP Unnumbered"), which PAT onto the interface then uses. A lender the file does not
    // define (a partial configuration) leaves the interface without an address, which ALG3017 reports if PAT needs it.
    private void BorrowUnnumberedAddresses()
    {
        foreach (var (name, source) in _unnumbered)
        {
            var index = _interfaces.FindIndex(i => i.Name == name);
            var lender = _interfaces.Find(i => i.Name == source);
            if (index >= 0 && _interfaces[index].Address is null && lender?.Address is { } address)
            {
                _interfaces[index] = _interfaces[index] with { Address = address };
            }
        }
    }

    private void BindZonePair(IosZonePair pair)
    {
        _context.References.Reference(ReferenceKind.Zone, pair.Source.Value, pair.Source.Span, $"zone-pair {pair.Name.Value}");
        _context.References.Reference(ReferenceKind.Zone, pair.Destination.Value, pair.Destination.Span, $"zone-pair {pair.Name.Value}");
        foreach (var child in pair.Children.OfType<IosZonePairPolicy>())
        {
            _context.References.Reference(ReferenceKind.PolicyMap, child.PolicyMap.Value, child.PolicyMap.Span, $"zone-pair {pair.Name.Value}");
            _statefulInspection = true;
        }
    }

    private void BindClassMap(IosClassMapInspect classMap)
    {
        _context.References.Define(ReferenceKind.ClassMap, classMap.Name.Value, classMap.Name.Span);
        foreach (var match in classMap.Children.OfType<IosClassMapMatch>())
        {
            if (match.Acl is { } acl)
            {
                _context.References.Reference(ReferenceKind.Acl, acl.Value, acl.Span, $"class-map {classMap.Name.Value}");
            }
        }
    }

    private void BindPolicyMap(IosPolicyMapInspect policyMap)
    {
        _context.References.Define(ReferenceKind.PolicyMap, policyMap.Name.Value, policyMap.Name.Span);
        foreach (var policyClass in policyMap.Children.OfType<IosPolicyMapClass>())
        {
            // class-default is built in.
            if (!string.Equals(policyClass.Name.Value, "class-default", StringComparison.OrdinalIgnoreCase))
            {
                _context.References.Reference(ReferenceKind.ClassMap, policyClass.Name.Value, policyClass.Name.Span, $"policy-map {policyMap.Name.Value}");
            }
        }
    }

    private void BindStructureUse(IosStructureUse use)
    {
        var kind = use.Kind switch
        {
            IosStructureKind.PrefixList => ReferenceKind.PrefixList,
            IosStructureKind.RouteMap => ReferenceKind.RouteMap,
            _ => ReferenceKind.Acl,
        };
        _context.References.Reference(kind, use.Name.Value, use.Name.Span, use.Usage, outsideTranslation: true);
    }

    private void BindSettingsBlock(IosSettingsBlock block)
    {
        foreach (var child in block.Children)
        {
            switch (child)
            {
                case IosStructureUse use:
                    BindStructureUse(use with { Usage = $"{block.Header}: {use.Usage}" });
                    break;
                case IosModuleNat nat:
                    _context.Diagnostics.Add(
                        DiagnosticCatalog.NotModelled,
                        nat.Span,
                        $"'{nat.Text}' under '{block.Header}'",
                        "the line card translates its server farms' addresses itself, outside the router's NAT, and Alg does not check it");
                    break;
            }
        }
    }

    private void BindRouteMap(IosRouteMap routeMap)
    {
        _context.References.Define(ReferenceKind.RouteMap, routeMap.Name.Value, routeMap.Name.Span);
        foreach (var match in routeMap.Children.OfType<IosRouteMapMatch>())
        {
            if (match.PrefixLists)
            {
                foreach (var list in match.Acls)
                {
                    // Prefix lists select routes; a route-map that NAT uses matches ACLs.
                    _context.References.Reference(ReferenceKind.PrefixList, list.Value, list.Span, $"route-map {routeMap.Name.Value}", outsideTranslation: true);
                }

                continue;
            }

            foreach (var acl in match.Acls)
            {
                // Route-maps may match prefix lists by address too; only names that look like ACLs are ACLs.
                if (!Ipv4Address.TryParse(acl.Value, out _))
                {
                    _context.References.Reference(ReferenceKind.Acl, acl.Value, acl.Span, $"route-map {routeMap.Name.Value}");
                }
            }
        }
    }
}
