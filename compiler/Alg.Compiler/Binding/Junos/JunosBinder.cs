using System.Collections.Immutable;
using System.Globalization;
using Alg.Grammar.Common;
using Alg.Grammar.Junos.Ast;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Binding;

/// <summary>Binds a Junos set-style AST to the vendor-neutral policy.</summary>
/// <remarks>
/// Lines apply in file order. <c>delete</c> removes what its path names and <c>deactivate</c> keeps the line
/// but takes it out of effect; both return an ALG knob to its default. Interfaces are named with their unit
/// (<c>ge-0/0/0.0</c>), the form zones and NAT use; a source NAT rule-set's from-zone faces inside, its to-zone outside.
/// </remarks>
public sealed partial class JunosBinder : IDialectBinder
{
    private readonly Dictionary<string, InterfacePolicy> _interfaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _zoneOfInterface = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressRange> _addressBook = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unresolvableAddresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _addressSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NatPool> _pools = new(StringComparer.Ordinal);
    private readonly HashSet<string> _poolsWithoutPortTranslation = new(StringComparer.Ordinal);
    private readonly Dictionary<(JunosNatKind, string), (List<string> From, List<string> To)> _ruleSets = [];
    private readonly Dictionary<(JunosNatKind, string, string), JunosRuleDraft> _rules = [];
    private readonly List<(string Name, SourceSpan Span, string Usage)> _pendingPolicyAddresses = [];
    private BindingContext _context = null!;
    private string? _hostname;

    public BoundConfiguration Bind(ConfigurationAst ast, DiagnosticBag diagnostics)
    {
        _context = new BindingContext(diagnostics, new AlgTableBuilder(JunosDefaults.Algs), new TimerTableBuilder(new Dictionary<string, long?>()));

        // The zone of the device's own host-bound traffic exists on every SRX without being configured.
        _context.References.Define(ReferenceKind.Zone, "junos-host", SourceSpan.None, builtin: true);
        foreach (var statement in ast.Statements)
        {
            BindStatement(statement);
        }

        // Policies may name an address or an address-set defined further down (zone address books come last).
        foreach (var (name, span, usage) in _pendingPolicyAddresses)
        {
            var kind = _addressSets.ContainsKey(name) || _context.References.IsDefined(ReferenceKind.ObjectGroup, name) ? ReferenceKind.ObjectGroup : ReferenceKind.Object;
            _context.References.Reference(kind, name, span, usage);
        }

        var natRules = _rules.Values.Select(ToRule).Where(r => r is not null).Select(r => r!).ToImmutableArray();
        ImmutableArray<InterfacePolicy> interfaces = [.. _interfaces.Values.Select(WithRole)];
        ApplyRpcFilters(interfaces);
        var policy = new PolicyModel(
            Dialect.Junos,
            _hostname,
            [ast.Source.Path],
            interfaces,
            [],
            [.. _pools.Values],
            natRules,
            JunosDefaults.Behavior,
            NatLimits.Unlimited,
            true,
            _context.Timers.Build(),
            _context.Algs.Build());
        return new BoundConfiguration(ast, policy, _context.References, _context.Settings)
        {
            RpcFilterValues = _context.RpcFilterValues,
            UnknownRpcServices = _context.UnknownRpcServices,
        };
    }

    private void BindStatement(Statement statement)
    {
        // `deactivate` takes a line out of effect; `activate` restores it, which a set line already did.
        if (Operation(statement) == JunosOperation.Activate)
        {
            return;
        }

        var active = Operation(statement) == JunosOperation.Set;
        switch (statement)
        {
            case JunosHostName host:
                _hostname = active ? host.Name.Value : null;
                break;
            case JunosInterfaceAddress address when active:
                var name = $"{address.Interface.Value}.{address.Unit.Value.ToString(CultureInfo.InvariantCulture)}";
                _context.References.Define(ReferenceKind.Interface, name, address.Interface.Span);
                _interfaces[name] = new InterfacePolicy(name, _zoneOfInterface.GetValueOrDefault(name), InterfaceRole.Unassigned, address.Prefix, null, false, null, null, null, address.Span);
                break;
            case JunosInterfaceSetting setting when active && setting.Words is ["unit", var unit, .. var rest]:
                BindInterfaceUnit($"{setting.Interface.Value}.{unit}", rest.AsSpan(), setting.Span);
                break;
            case JunosZoneInterface zone when active:
                _context.References.Define(ReferenceKind.Zone, zone.Zone.Value, zone.Zone.Span);

                // A zone with interfaces is in use: the traffic of those interfaces is classified into it.
                _context.References.Reference(ReferenceKind.Zone, zone.Zone.Value, zone.Zone.Span, $"interface {zone.Interface.Value}");
                _context.References.Reference(ReferenceKind.Interface, zone.Interface.Value, zone.Interface.Span, $"security-zone {zone.Zone.Value}");
                _zoneOfInterface[zone.Interface.Value] = zone.Zone.Value;
                if (_interfaces.TryGetValue(zone.Interface.Value, out var known))
                {
                    _interfaces[zone.Interface.Value] = known with { Alias = zone.Zone.Value };
                }
                else
                {
                    _interfaces[zone.Interface.Value] = new InterfacePolicy(zone.Interface.Value, zone.Zone.Value, InterfaceRole.Unassigned, null, null, false, null, null, null, zone.Span);
                }

                break;
            case JunosZoneSetting setting when active && setting.Words is ["address-book", .. var book]:
                BindAddressBook(book.AsSpan(), setting.Span);
                break;
            case JunosSecurityPolicy policy when active && policy.Words is ["address-book", _, .. var book]:
                BindAddressBook(book.AsSpan(), policy.Span);
                break;
            case JunosSecurityPolicy policy when active && policy.Words is ["from-zone", var fromZone, "to-zone", var toZone, .. var rest]:
                _context.References.Reference(ReferenceKind.Zone, fromZone, policy.Span, "security policy");
                _context.References.Reference(ReferenceKind.Zone, toZone, policy.Span, "security policy");
                BindPolicyMatch(rest.AsSpan(), policy.Span);
                TrackRpcPolicy(policy.Words, active, policy.Span);
                break;
            case JunosSecurityPolicy policy when active && policy.Words is ["global", .. var rest]:
                BindPolicyMatch(rest.AsSpan(), policy.Span);
                TrackRpcPolicy(policy.Words, active, policy.Span);
                break;
            case JunosSecurityPolicy policy when !active:
                TrackRpcPolicy(policy.Words, active, policy.Span);
                break;
            case JunosApplication application:
                BindApplication(application, active);
                break;
            case JunosApplicationSet set:
                BindApplicationSet(set, active);
                break;
            case JunosNatPool pool when active:
                BindPool(pool);
                break;
            case JunosNatPoolSetting setting when active && setting.Words is ["port", "no-translation", ..]:
                _poolsWithoutPortTranslation.Add(setting.Name.Value);
                break;
            case JunosNatRuleSetContext context when active:
                foreach (var contextName in context.Names)
                {
                    var kind = context.ContextType == JunosNatContextType.Zone ? ReferenceKind.Zone : ReferenceKind.Interface;
                    if (context.ContextType != JunosNatContextType.RoutingInstance)
                    {
                        _context.References.Reference(kind, contextName.Value, contextName.Span, $"rule-set {context.RuleSet.Value}");
                    }
                }

                var sets = RuleSet(context.Kind, context.RuleSet.Value);
                (context.From ? sets.From : sets.To).AddRange(context.Names.Select(n => n.Value));
                break;
            case JunosNatRuleMatch match:
                BindMatch(match, active);
                break;
            case JunosNatRuleThen then:
                BindThen(then, active);
                break;
            case JunosAlgDisable disable:
                SetAlg(disable.Alg, !active, disable.Span);
                break;
            case JunosAlgOption option:
                BindAlgOption(option, active);
                break;
            case JunosAlgReset reset when !active:
                // `delete security alg [NAME]`: back to the defaults.
                foreach (var alg in JunosDefaults.Algs.Where(d => reset.Alg is null || AlgCatalog.FindByVendorName(Dialect.Junos, reset.Alg.Value.Value)?.Name == d.Name))
                {
                    _context.Algs.SetEnabled(alg.Name, alg.Enabled, reset.Span);
                }

                break;
            case JunosInterfaceAddress:
            case JunosInterfaceSetting:
            case JunosZoneInterface:
            case JunosZoneSetting:
            case JunosSecurityPolicy:
            case JunosNatPool:
            case JunosNatPoolSetting:
            case JunosNatRuleSetContext:
            case JunosProxyArp:
            case JunosNatSetting:
            case JunosAlgReset:
            case JunosApplicationsSetting:
            case SessionCommand:
                break;
            default:
                throw new InvalidOperationException($"Junos binder has no case for {statement.GetType().Name}");
        }
    }

    // A unit with no static address still exists (zones and NAT name it); `family inet dhcp` (`dhcp-client` on
    // branch SRX) gets its address at run time, which PAT onto the interface follows.
    private void BindInterfaceUnit(string name, ReadOnlySpan<string> words, SourceSpan span)
    {
        _context.References.Define(ReferenceKind.Interface, name, span);
        var dhcp = words is ["family", "inet", "dhcp" or "dhcp-client", ..];
        if (_interfaces.TryGetValue(name, out var known))
        {
            _interfaces[name] = dhcp ? known with { DynamicAddress = true } : known;
            return;
        }

        _interfaces[name] = new InterfacePolicy(name, _zoneOfInterface.GetValueOrDefault(name), InterfaceRole.Unassigned, null, null, false, null, null, null, span, dhcp);
    }

    private static JunosOperation Operation(Statement statement) => statement switch
    {
        JunosHostName s => s.Operation,
        JunosInterfaceAddress s => s.Operation,
        JunosInterfaceSetting s => s.Operation,
        JunosZoneInterface s => s.Operation,
        JunosZoneSetting s => s.Operation,
        JunosNatPool s => s.Operation,
        JunosNatPoolSetting s => s.Operation,
        JunosNatRuleSetContext s => s.Operation,
        JunosNatRuleMatch s => s.Operation,
        JunosNatRuleThen s => s.Operation,
        JunosProxyArp s => s.Operation,
        JunosNatSetting s => s.Operation,
        JunosAlgDisable s => s.Operation,
        JunosAlgOption s => s.Operation,
        JunosAlgReset s => s.Operation,
        JunosSecurityPolicy s => s.Operation,
        JunosApplication s => s.Operation,
        JunosApplicationSet s => s.Operation,
        JunosApplicationsSetting s => s.Operation,
        _ => JunosOperation.Set,
    };

    // `address NAME PREFIX`, `address NAME range-address A to B`, `address NAME dns-name|wildcard-address ...`,
    // `address-set SET address NAME`, `address-set SET address-set OTHER` (after `address-book BOOK` or in a zone).
    private void BindAddressBook(ReadOnlySpan<string> words, SourceSpan span)
    {
        switch (words)
        {
            case ["address", var name, "range-address", var first, "to", var last, ..]
                when Ipv4Address.TryParse(first, out var low) && Ipv4Address.TryParse(last, out var high):
                _context.References.Define(ReferenceKind.Object, name, span);
                _addressBook[name] = new AddressRange(low, high);
                break;
            case ["address", var name, var kind, ..] when kind is "dns-name" or "wildcard-address":
                _context.References.Define(ReferenceKind.Object, name, span);
                _unresolvableAddresses[name] = kind;
                break;
            case ["address", var name, var prefix, ..] when TryPrefix(prefix, out var range):
                _context.References.Define(ReferenceKind.Object, name, span);
                _addressBook[name] = range;
                break;
            case ["address", var name, var value, ..] when value.Contains(':', StringComparison.Ordinal):
                // IPv6: defined and usable by policies; IPv4 NAT cannot use it.
                _context.References.Define(ReferenceKind.Object, name, span);
                _unresolvableAddresses[name] = "IPv6";
                break;
            case ["address", var name, ..]:
                _context.References.Define(ReferenceKind.Object, name, span);
                break;
            case ["address-set", var set, var memberKind, var member, ..] when memberKind is "address" or "address-set":
                _context.References.Define(ReferenceKind.ObjectGroup, set, span);
                _context.References.Reference(memberKind == "address" ? ReferenceKind.Object : ReferenceKind.ObjectGroup, member, span, $"address-set {set}");
                if (!_addressSets.TryGetValue(set, out var members))
                {
                    members = [];
                    _addressSets[set] = members;
                }

                members.Add(member);
                break;
            case ["address-set", var set, ..]:
                _context.References.Define(ReferenceKind.ObjectGroup, set, span);
                break;
        }
    }

    // `policy P match source-address|destination-address NAME`: the predefined any, any-ipv4 and any-ipv6 need no definition.
    private void BindPolicyMatch(ReadOnlySpan<string> words, SourceSpan span)
    {
        if (words is ["policy", var policy, "match", var field, var name, ..]
            && field is "source-address" or "destination-address"
            && name is not ("any" or "any-ipv4" or "any-ipv6"))
        {
            _pendingPolicyAddresses.Add((name, span, $"security policy {policy}"));
        }
    }

    private void BindPool(JunosNatPool pool)
    {
        var name = pool.Name.Value;
        _context.References.Define(ReferenceKind.NatPool, name, pool.Name.Span);
        var first = Range(pool.First);
        var range = pool.Last is { } last ? new AddressRange(first.First, Range(last).Last) : first;
        _pools[name] = new NatPool(name, range, pool.Last is null ? pool.First.Length : null, pool.Span);
    }

    private (List<string> From, List<string> To) RuleSet(JunosNatKind kind, string name)
    {
        if (!_ruleSets.TryGetValue((kind, name), out var sets))
        {
            sets = ([], []);
            _ruleSets[(kind, name)] = sets;
        }

        return sets;
    }

    private JunosRuleDraft Draft(JunosNatKind kind, Located<string> ruleSet, Located<string> rule, SourceSpan span)
    {
        var key = (kind, ruleSet.Value, rule.Value);
        if (!_rules.TryGetValue(key, out var draft))
        {
            draft = new JunosRuleDraft(kind, ruleSet.Value, rule.Value, span);
            _rules[key] = draft;
        }

        return draft;
    }

    private void BindMatch(JunosNatRuleMatch match, bool active)
    {
        if (!active)
        {
            _rules.Remove((match.Kind, match.RuleSet.Value, match.Rule.Value));
            return;
        }

        var draft = Draft(match.Kind, match.RuleSet, match.Rule, match.Span);
        var values = match.Values;
        switch (match.Field.Value)
        {
            case "source-address":
                draft.Sources.AddRange(values.Select(v => TryPrefix(v.Value, out var r) ? r : AddressRange.All));
                break;
            case "destination-address":
                draft.Destinations.AddRange(values.Select(v => TryPrefix(v.Value, out var r) ? r : AddressRange.All));
                break;
            case "source-address-name":
                draft.SourceNames.AddRange(values);
                break;
            case "destination-address-name":
                draft.DestinationNames.AddRange(values);
                break;
            case "destination-port" when values.Length > 0 && int.TryParse(values[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var low):
                var high = values.Length == 3 && values[1].Value == "to" && int.TryParse(values[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : low;
                draft.DestinationPorts.Add(new PortRange(low, high));
                break;
        }
    }

    /// <summary>
    /// The ranges an address-book name stands for, through address-sets. False when the name cannot be turned
    /// into addresses — undefined (ALG3002 says so) or a DNS name or wildcard (reported here) — so the rule
    /// using it is left out rather than widened to every address.
    /// </summary>
    private bool TryResolve(Located<string> name, string usage, List<AddressRange> into)
    {
        var isSet = _addressSets.ContainsKey(name.Value);
        _context.References.Reference(isSet ? ReferenceKind.ObjectGroup : ReferenceKind.Object, name.Value, name.Span, usage);
        return Resolve(name.Value, name.Span, into, depth: 0);
    }

    private bool Resolve(string name, SourceSpan span, List<AddressRange> into, int depth)
    {
        if (_addressBook.TryGetValue(name, out var range))
        {
            into.Add(range);
            return true;
        }

        if (_unresolvableAddresses.TryGetValue(name, out var kind))
        {
            _context.Diagnostics.Add(DiagnosticCatalog.NotModelled, span, $"address '{name}' ({kind}) in a NAT rule", "Alg matches NAT rules on addresses, not names resolved at run time; the rule is left out");
            return false;
        }

        // Address-sets nest up to 3 levels on the device; a cycle is not a valid configuration.
        if (depth < 8 && _addressSets.TryGetValue(name, out var members))
        {
            var all = true;
            foreach (var member in members)
            {
                all &= Resolve(member, span, into, depth + 1);
            }

            return all;
        }

        return false;
    }

    private void BindThen(JunosNatRuleThen then, bool active)
    {
        if (!active)
        {
            _rules.Remove((then.Kind, then.RuleSet.Value, then.Rule.Value));
            return;
        }

        var draft = Draft(then.Kind, then.RuleSet, then.Rule, then.Span);
        var values = then.Values.Select(v => v.Value).ToList();
        draft.Action = values.FirstOrDefault() ?? "off";
        switch (values)
        {
            case ["pool", var pool, ..]:
                draft.Pool = pool;
                _context.References.Reference(ReferenceKind.NatPool, pool, then.Values[1].Span, $"rule {then.Rule.Value}");
                break;
            case ["prefix", var prefix, ..] when TryPrefix(prefix, out var range):
                draft.StaticPrefix.Add(range);
                break;
            case ["prefix-name", var name, ..] when name != "routing-instance":
                draft.StaticPrefixNames.Add(then.Values[1]);
                break;
        }
    }

    private NatRule? ToRule(JunosRuleDraft draft)
    {
        if (draft.Action is null)
        {
            return null;
        }

        var usage = $"rule {draft.Name}";
        var resolved = draft.SourceNames.Aggregate(true, (ok, name) => TryResolve(name, usage, draft.Sources) && ok);
        resolved = draft.DestinationNames.Aggregate(resolved, (ok, name) => TryResolve(name, usage, draft.Destinations) && ok);
        resolved = draft.StaticPrefixNames.Aggregate(resolved, (ok, name) => TryResolve(name, usage, draft.StaticPrefix) && ok);
        if (!resolved)
        {
            return null;
        }

        var (from, to) = RuleSet(draft.Kind, draft.RuleSet);
        var realInterface = from.FirstOrDefault();
        var mappedInterface = to.FirstOrDefault();
        ImmutableArray<AddressRange> sources = draft.Sources.Count == 0 ? [AddressRange.All] : [.. draft.Sources];
        ImmutableArray<AddressRange> destinations = [.. draft.Destinations];
        var order = _rules.Values.ToList().IndexOf(draft);
        switch (draft.Kind, draft.Action)
        {
            case (JunosNatKind.Destination, "off"):
                // `then destination-nat off`: these destinations keep their address.
                return Rule(NatRuleKind.Exempt, NatDirection.InsideDestination, sources, NatTargetKind.None, null, null, [], mappedInterface, realInterface, destinations, [], order, draft.Span);
            case (_, "off"):
                return Rule(NatRuleKind.Exempt, NatDirection.InsideSource, sources, NatTargetKind.None, null, null, [], realInterface, mappedInterface, destinations, [], order, draft.Span);
            case (JunosNatKind.Source, "interface"):
                return Rule(NatRuleKind.DynamicPat, NatDirection.InsideSource, sources, NatTargetKind.Interface, mappedInterface, null, [], realInterface, mappedInterface, destinations, [], order, draft.Span);
            case (JunosNatKind.Source, _):
                var pat = draft.Pool is null || !_poolsWithoutPortTranslation.Contains(draft.Pool);
                return Rule(pat ? NatRuleKind.DynamicPat : NatRuleKind.DynamicPool, NatDirection.InsideSource, sources, NatTargetKind.Pool, null, draft.Pool,
                    PoolAddresses(draft.Pool), realInterface, mappedInterface, destinations, [], order, draft.Span);
            case (JunosNatKind.Destination, _):
                // The matched destination is the public address; the pool holds the inside server it is translated to.
                return Rule(NatRuleKind.Static, NatDirection.InsideDestination, PoolAddresses(draft.Pool), NatTargetKind.Pool, null, draft.Pool, destinations,
                    mappedInterface, realInterface, destinations, PoolAddresses(draft.Pool), order, draft.Span);
            default:
                // Static NAT: the matched destination is the mapped address, the prefix the real one.
                return Rule(NatRuleKind.Static, NatDirection.InsideSource, [.. draft.StaticPrefix], NatTargetKind.Addresses, null, null, destinations,
                    null, realInterface, [], [], order, draft.Span);
        }
    }

    private ImmutableArray<AddressRange> PoolAddresses(string? pool) => pool is not null && _pools.TryGetValue(pool, out var found) ? [found.Addresses] : [];

    private static NatRule Rule(
        NatRuleKind kind, NatDirection direction, ImmutableArray<AddressRange> real, NatTargetKind targetKind, string? targetInterface,
        string? targetPool, ImmutableArray<AddressRange> mapped, string? realInterface, string? mappedInterface,
        ImmutableArray<AddressRange> mappedDestination, ImmutableArray<AddressRange> realDestination, int order, SourceSpan span) =>
        new(kind, direction, null, null, real, targetKind, targetInterface, targetPool, mapped, null, null, null, realInterface, mappedInterface,
            mappedDestination, realDestination, false, true, false, order, span);

    // A source rule-set's from-zone faces inside and its to-zone outside; without NAT, zone names decide.
    private InterfacePolicy WithRole(InterfacePolicy iface)
    {
        var zone = iface.Alias;
        var sourceSets = _ruleSets.Where(s => s.Key.Item1 == JunosNatKind.Source).Select(s => s.Value).ToList();
        var inside = sourceSets.Any(s => s.From.Contains(iface.Name) || (zone is not null && s.From.Contains(zone)));
        var outside = sourceSets.Any(s => s.To.Contains(iface.Name) || (zone is not null && s.To.Contains(zone)));
        var role = inside && !outside ? InterfaceRole.Inside
            : outside && !inside ? InterfaceRole.Outside
            : string.Equals(zone, "trust", StringComparison.OrdinalIgnoreCase) ? InterfaceRole.Inside
            : string.Equals(zone, "untrust", StringComparison.OrdinalIgnoreCase) ? InterfaceRole.Outside
            : InterfaceRole.Unassigned;
        return iface with { Role = role };
    }

    private void SetAlg(Located<string> vendor, bool enable, SourceSpan span)
    {
        var descriptor = AlgCatalog.FindByVendorName(Dialect.Junos, vendor.Value);
        if (descriptor is null)
        {
            _context.Diagnostics.Add(DiagnosticCatalog.UnknownAlg, vendor.Span, vendor.Value, Suggestions.DidYouMean(vendor.Value, AlgCatalog.VendorNames(Dialect.Junos)));
            return;
        }

        _context.Algs.SetEnabled(descriptor.Name, enable, span);
        if (descriptor.Name == "h323-q931")
        {
            // One Junos H.323 ALG covers call signalling, H.245 and RAS.
            _context.Algs.SetEnabled("h323-h245", enable, span);
            _context.Algs.SetEnabled("h323-ras", enable, span);
        }

        _context.RecordSetting($"alg {descriptor.Name}", enable ? "on" : "off", $"{descriptor.Name} ALG", span);
    }

    private void BindAlgOption(JunosAlgOption option, bool active)
    {
        var key = (option.Alg.Value, option.Option.Value);
        if (!JunosDefaults.OptionNames.TryGetValue(key, out var target))
        {
            if (JunosDefaults.UnmodelledOptions.Contains(option.Option.Value))
            {
                _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, option.Span, $"security alg {option.Alg.Value} {option.Option.Value}");
            }
            else
            {
                var known = JunosDefaults.OptionNames.Keys.Where(k => k.Alg == option.Alg.Value).Select(k => k.Option);
                _context.Diagnostics.Add(DiagnosticCatalog.UnknownOption, option.Option.Span, option.Alg.Value, option.Option.Value, Suggestions.DidYouMean(option.Option.Value, known));
            }

            return;
        }

        var descriptor = _context.Algs[target.Alg].Descriptor.FindOption(target.Option)!;
        long value;
        if (!active)
        {
            value = JunosDefaults.Algs.FirstOrDefault(d => d.Name == target.Alg)?.Options?.GetValueOrDefault(target.Option) ?? descriptor.Default.Number;
        }
        else if (descriptor.Kind == AlgOptionKind.Boolean && option.Values.Length == 0)
        {
            // A bare flag (`h323 media-source-port-any`): present means on.
            value = 1;
        }
        else if (option.Values.Length == 1 && long.TryParse(option.Values[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
        }
        else
        {
            _context.Diagnostics.Add(DiagnosticCatalog.InvalidValue, option.Span, string.Join(' ', option.Values.Select(v => v.Value)), $"value of {option.Alg.Value} {option.Option.Value}");
            return;
        }

        _context.Algs.SetOption(target.Alg, target.Option, AlgOptionValue.FromNumber(descriptor.Kind, value), option.Span);
        _context.RecordSetting($"alg {target.Alg} {target.Option}", value.ToString(CultureInfo.InvariantCulture), $"{target.Alg} {target.Option}", option.Span);
    }

    private static AddressRange Range(Ipv4Prefix prefix) => AddressRange.Subnet(prefix.Address, Ipv4Address.FromPrefixLength(prefix.Length));

    private static bool TryPrefix(string text, out AddressRange range)
    {
        range = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        var length = 32;
        if (!Ipv4Address.TryParse(addressText, out var address)
            || (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > 32)))
        {
            return false;
        }

        range = Range(new Ipv4Prefix(address, length));
        return true;
    }
}
