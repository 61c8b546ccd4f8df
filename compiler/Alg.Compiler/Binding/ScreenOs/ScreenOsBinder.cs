using System.Collections.Immutable;
using System.Globalization;
using Alg.Grammar.Common;
using Alg.Grammar.ScreenOs.Ast;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Binding;

/// <summary>Binds a ScreenOS AST to the vendor-neutral policy.</summary>
/// <remarks>
/// Lines apply in file order: a later <c>set</c> overrides an earlier one and <c>unset</c> returns a setting to
/// its default. Zones name the sides (Trust inside, Untrust outside); MIPs are static NAT, DIPs the pools that
/// policies with <c>nat src dip-id N</c> translate to.
/// </remarks>
public sealed partial class ScreenOsBinder : IDialectBinder
{
    private readonly List<InterfacePolicy> _interfaces = [];
    private readonly Dictionary<(string Zone, string Name), AddressRange> _addresses = [];
    private readonly Dictionary<(string Zone, string Name), List<AddressRange>> _addressGroups = [];
    private readonly HashSet<(string Zone, string Name)> _fqdnAddresses = [];

    // Address-book names by name alone, to tell "defined in another zone" from "not defined at all".
    private readonly Dictionary<string, string> _addressZoneOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private readonly HashSet<string> _serviceGroups = new(StringComparer.Ordinal);

    // Zone names are not case-sensitive on the device (`zone trust` is the predefined Trust); the canonical
    // spelling is the definition's.
    private readonly Dictionary<string, string> _zones = new(StringComparer.OrdinalIgnoreCase);

    // Zones an address book, group or zone setting names without a definition: the file is an excerpt.
    private readonly Dictionary<string, Located<string>> _zoneEvidence = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, (string From, string To, List<int> Rules)> _policies = [];
    private readonly List<(InterfacePolicy Interface, SourceSpan Span)> _natModeInterfaces = [];
    private readonly List<NatPool> _pools = [];
    private readonly Dictionary<int, bool> _dipFixPort = [];
    private readonly List<NatRule> _natRules = [];
    private BindingContext _context = null!;
    private int _nextOrder;
    private string? _hostname;

    public BoundConfiguration Bind(ConfigurationAst ast, DiagnosticBag diagnostics)
    {
        var family = ScreenOsPlatformDetector.Detect(ast);
        _context = new BindingContext(diagnostics, new AlgTableBuilder(ScreenOsDefaults.AlgsFor(family)), new TimerTableBuilder(new Dictionary<string, long?>()));
        foreach (var zone in ScreenOsDefaults.PredefinedZones)
        {
            _zones[zone] = zone;
            _context.References.Define(ReferenceKind.Zone, zone, SourceSpan.None, builtin: true);
        }

        DefineNamedObjects(ast);
        foreach (var statement in ast.Statements)
        {
            BindStatement(statement);
        }

        AddInterfaceNatModeRules();
        foreach (var (zone, evidence) in _zoneEvidence)
        {
            if (!_zones.ContainsKey(zone))
            {
                // The device refuses an address in a zone that does not exist, so the file lacks its `set zone` line.
                _context.Diagnostics.Add(DiagnosticCatalog.ScreenOsZoneNotDefined, evidence.Span, evidence.Value);
                _zones[zone] = evidence.Value;
                _context.References.Define(ReferenceKind.Zone, evidence.Value, evidence.Span);
            }
        }

        ApplyRpcFilters();
        var policy = new PolicyModel(
            Dialect.ScreenOs,
            _hostname,
            [ast.Source.Path],
            [.. _interfaces],
            [],
            [.. _pools],
            [.. _natRules],
            ScreenOsDefaults.Behavior,
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

    /// <summary>
    /// Zones, addresses, groups and services are defined before any line is bound: a `get config` prints them
    /// ahead of the policies, and a hand-ordered file should not turn a forward use into an "undefined" error.
    /// </summary>
    private void DefineNamedObjects(ConfigurationAst ast)
    {
        foreach (var statement in ast.Statements)
        {
            switch (statement)
            {
                case ScreenOsZone { Unset: false, Defines: true } zone:
                    _zones.TryAdd(zone.Name.Value, zone.Name.Value);
                    _context.References.Define(ReferenceKind.Zone, zone.Name.Value, zone.Name.Span);
                    break;
                case ScreenOsAddress { Unset: false } address when address.Range is not null || address.Fqdn is not null:
                    _context.References.Define(ReferenceKind.Object, address.Name.Value, address.Name.Span);
                    if (address.Range is { } range)
                    {
                        _addresses[(ZoneKey(address.Zone.Value), address.Name.Value)] = range;
                    }
                    else
                    {
                        // An FQDN entry resolves at run time: its addresses are unknown here.
                        _fqdnAddresses.Add((ZoneKey(address.Zone.Value), address.Name.Value));
                    }

                    _addressZoneOf.TryAdd(address.Name.Value, address.Zone.Value);
                    break;
                case ScreenOsAddressGroup { Unset: false, Member: null } group:
                    DefineAddressGroup(group);
                    break;
                case ScreenOsAddressGroup { Unset: false, Remove: false } group:
                    DefineAddressGroup(group);
                    break;
                case ScreenOsService { Unset: false } service:
                    _services.Add(service.Name.Value);
                    _context.References.Define(ReferenceKind.Service, service.Name.Value, service.Name.Span);
                    break;
                case ScreenOsServiceGroup { Unset: false, Remove: false } group:
                    _serviceGroups.Add(group.Name.Value);
                    _context.References.Define(ReferenceKind.ServiceGroup, group.Name.Value, group.Name.Span);
                    break;
            }
        }
    }

    private void DefineAddressGroup(ScreenOsAddressGroup group)
    {
        var key = (ZoneKey(group.Zone.Value), group.Name.Value);
        if (_addressGroups.TryAdd(key, []))
        {
            _context.References.Define(ReferenceKind.ObjectGroup, group.Name.Value, group.Name.Span);
            _addressZoneOf.TryAdd(group.Name.Value, group.Zone.Value);
        }
    }

    private void BindStatement(Statement statement)
    {
        switch (statement)
        {
            case ScreenOsHostname hostname:
                _hostname = hostname.Unset ? null : hostname.Name?.Value;
                break;
            case ScreenOsInterfaceZone zone:
                // A tagged subinterface (`ethernet0/0.1 tag 10 zone Trust`) is an interface of its own in its zone.
                var zoneName = ZoneKey(zone.Zone.Value);
                Update(zone.Interface, zone.Span, i => i with
                {
                    Alias = zone.Unset ? null : zoneName,
                    Role = zone.Unset ? InterfaceRole.Unassigned : ScreenOsDefaults.RoleOfZone(zoneName),
                });
                _context.References.Reference(ReferenceKind.Zone, zoneName, zone.Zone.Span, $"interface {zone.Interface.Value}");
                break;
            case ScreenOsInterfaceAddress address:
                Update(address.Interface, address.Span, i => i with { Address = address.Unset ? null : address.Prefix });
                break;
            case ScreenOsInterfaceMode mode:
                BindInterfaceMode(mode);
                break;
            case ScreenOsInterfaceSetting setting:
                BindInterfaceSetting(setting);
                break;
            case ScreenOsZone zone:
                if (!zone.Defines)
                {
                    _zoneEvidence.TryAdd(zone.Name.Value, zone.Name);
                }

                break;
            case ScreenOsAddress address:
                _zoneEvidence.TryAdd(address.Zone.Value, address.Zone);
                break;
            case ScreenOsAddressGroup group:
                BindAddressGroup(group);
                break;
            case ScreenOsServiceGroup group:
                if (group.Member is { } service && !group.Remove)
                {
                    ResolveService(service, $"service group {group.Name.Value}");
                }

                BindServiceGroupMember(group);
                break;
            case ScreenOsPolicyContext context:
                BindPolicyContext(context);
                break;
            case ScreenOsMip mip:
                BindMip(mip);
                break;
            case ScreenOsDip dip:
                BindDip(dip);
                break;
            case ScreenOsPolicy policy:
                BindPolicy(policy);
                break;
            case ScreenOsAlgSwitch algSwitch:
                BindAlgSwitch(algSwitch);
                break;
            case ScreenOsAlgOption option:
                BindAlgOption(option);
                break;
            case ScreenOsPolicyDelete delete:
                if (_policies.Remove(delete.Id.Value, out var deleted))
                {
                    RemoveRules(deleted.Rules);
                }

                DeleteRpcPolicy(delete.Id.Value);
                break;
            case ScreenOsPolicyDisable disable:
                SetPolicyDisabled(disable);
                DisableRpcPolicy(disable.Id.Value, !disable.Unset);
                break;
            case ScreenOsPolicySetting { Setting: "application", Unset: false } application
                when application.Values is [var name, ..] && !name.Equals("IGNORE", StringComparison.OrdinalIgnoreCase):
                // `application "IGNORE"` is what `get config` prints for a policy with no mapping.
                _context.Diagnostics.Add(DiagnosticCatalog.NotModelled, application.Span, $"policy {application.Id.Value}'s application mapping to '{name}'",
                    "Alg hands a flow to an ALG by its port, so a custom service mapped to an ALG here gets none");
                break;
            case ScreenOsPolicySetting:
                break;
            case ScreenOsService serviceLine:
                BindRpcService(serviceLine);
                break;
            case ScreenOsVrouterContext:
            case ScreenOsVrouter:
            case SessionCommand:
                break;
            default:
                throw new InvalidOperationException($"ScreenOS binder has no case for {statement.GetType().Name}");
        }
    }

    private void Update(Located<string> name, SourceSpan span, Func<InterfacePolicy, InterfacePolicy> change)
    {
        var index = _interfaces.FindIndex(i => i.Name == name.Value);
        if (index < 0)
        {
            _context.References.Define(ReferenceKind.Interface, name.Value, name.Span);
            _interfaces.Add(new InterfacePolicy(name.Value, null, InterfaceRole.Unassigned, null, null, false, null, null, null, span));
            index = _interfaces.Count - 1;
        }

        _interfaces[index] = change(_interfaces[index]);
    }

    private void BindAlgSwitch(ScreenOsAlgSwitch algSwitch)
    {
        if (Resolve(algSwitch.Alg) is not { } name)
        {
            return;
        }

        var enable = !algSwitch.Unset;
        if (algSwitch.Feature is { } feature)
        {
            // `set alg appleichat re-assembly enable`: a feature of the ALG, not the ALG itself.
            SetOption(name, algSwitch.Alg.Value, feature, enable ? 1 : 0, algSwitch.Span);
            return;
        }

        _context.Algs.SetEnabled(name, enable, algSwitch.Span);
        if (name == "h323-q931")
        {
            // ScreenOS has one H.323 ALG for call signalling, H.245 and RAS.
            _context.Algs.SetEnabled("h323-h245", enable, algSwitch.Span);
            _context.Algs.SetEnabled("h323-ras", enable, algSwitch.Span);
        }

        _context.RecordSetting($"alg {name}", enable ? "on" : "off", $"{name} ALG", algSwitch.Span);
    }

    private void BindAlgOption(ScreenOsAlgOption option)
    {
        if (Resolve(option.Alg) is not { } name)
        {
            return;
        }

        var values = option.Values.Select(v => v.Value).ToList();
        if (option.Option.Value == "app-screen")
        {
            // `app-screen unknown-message {nat|route}`; unset returns it to drop.
            var choice = option.Unset || values.Count < 2 ? "drop" : values[^1].ToLowerInvariant();
            SetChoice(name, "unknown-message", choice, option.Span);
            return;
        }

        if (option.Unset)
        {
            SetOption(name, option.Alg.Value, option.Option, null, option.Span);
            return;
        }

        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            SetOption(name, option.Alg.Value, option.Option, number, option.Span);
            return;
        }

        _context.Diagnostics.Add(DiagnosticCatalog.InvalidValue, option.Span, string.Join(' ', values), $"value of {option.Alg.Value} {option.Option.Value}");
    }

    /// <summary>Sets (or with a null value, resets) an ALG option named the ScreenOS way.</summary>
    private void SetOption(string alg, string vendorAlg, Located<string> vendorOption, long? value, SourceSpan span)
    {
        if (!ScreenOsDefaults.OptionNames.TryGetValue((vendorAlg, vendorOption.Value), out var option))
        {
            var known = ScreenOsDefaults.OptionNames.Keys.Where(k => k.Alg == vendorAlg).Select(k => k.Option);
            _context.Diagnostics.Add(DiagnosticCatalog.UnknownOption, vendorOption.Span, vendorAlg, vendorOption.Value, Suggestions.DidYouMean(vendorOption.Value, known));
            return;
        }

        var descriptor = _context.Algs[alg].Descriptor.FindOption(option)!;
        var dialectDefault = ScreenOsDefaults.Algs.FirstOrDefault(d => d.Name == alg)?.Options?.GetValueOrDefault(option);
        var number = value ?? dialectDefault ?? descriptor.Default.Number;
        _context.Algs.SetOption(alg, option, AlgOptionValue.FromNumber(descriptor.Kind, number), span);
        _context.RecordSetting($"alg {alg} {option}", number.ToString(CultureInfo.InvariantCulture), $"{alg} {option}", span);
    }

    private void SetChoice(string alg, string option, string choice, SourceSpan span)
    {
        _context.Algs.SetOption(alg, option, AlgOptionValue.FromChoice(choice), span);
        _context.RecordSetting($"alg {alg} {option}", choice, $"{alg} {option}", span);
    }

    private string? Resolve(Located<string> vendor)
    {
        var descriptor = AlgCatalog.FindByVendorName(Dialect.ScreenOs, vendor.Value);
        if (descriptor is null)
        {
            _context.Diagnostics.Add(DiagnosticCatalog.UnknownAlg, vendor.Span, vendor.Value, Suggestions.DidYouMean(vendor.Value, AlgCatalog.VendorNames(Dialect.ScreenOs)));
        }

        return descriptor?.Name;
    }

    private void BindMip(ScreenOsMip mip)
    {
        if (mip.Unset)
        {
            _natRules.RemoveAll(r => r.Kind == NatRuleKind.Static && r.MappedAddresses.Any(a => a.First == mip.Mapped.Value));
            return;
        }

        var real = AddressRange.Subnet(mip.Host.Value, mip.Netmask);
        var mapped = AddressRange.Subnet(mip.Mapped.Value, mip.Netmask);
        // `vr VR` names the virtual router where the host lives; with one routing table it changes nothing.
        _natRules.Add(Rule(NatRuleKind.Static, NatDirection.InsideSource, [real], NatTargetKind.Addresses, null, null, [mapped], null,
            mip.Interface.Value, [], [], mip.Span));
    }

    private void BindDip(ScreenOsDip dip)
    {
        var name = DipName(dip.Id.Value);
        _pools.RemoveAll(p => p.Name == name);
        if (dip.Unset || dip.Range is not { } range)
        {
            return;
        }

        _context.References.Define(ReferenceKind.NatPool, name, dip.Id.Span);
        _pools.Add(new NatPool(name, range, null, dip.Span));
        _dipFixPort[dip.Id.Value] = dip.FixPort;
    }

    private void BindPolicy(ScreenOsPolicy policy)
    {
        var from = ZoneKey(policy.FromZone.Value);
        var to = ZoneKey(policy.ToZone.Value);
        _context.References.Reference(ReferenceKind.Zone, from, policy.FromZone.Span, "policy");
        _context.References.Reference(ReferenceKind.Zone, to, policy.ToZone.Span, "policy");
        var sources = ResolveAddress(from, policy.Source, "policy");
        var destinations = ResolveAddress(to, policy.Destination, "policy");
        ResolveService(policy.Service, "policy");
        TrackRpcPolicy(policy, from);
        if (policy.Id is { } id)
        {
            if (_policies.TryGetValue(id.Value, out var previous))
            {
                // A policy set again under its id replaces the earlier one.
                RemoveRules(previous.Rules);
            }

            _policies[id.Value] = (from, to, []);
        }

        if (policy.Unset || policy.Nat is not { } nat || policy.Action.Value != "permit")
        {
            return;
        }

        var rules = policy.Id is { } known ? _policies[known.Value].Rules : [];
        var egress = _interfaces.Find(i => string.Equals(i.Alias, to, StringComparison.OrdinalIgnoreCase))?.Name;
        if (nat.Source)
        {
            if (nat.DipId is { } dip)
            {
                var pool = DipName(dip.Value);
                _context.References.Reference(ReferenceKind.NatPool, pool, dip.Span, $"policy {policy.Id?.Value}");
                var fixPort = _dipFixPort.GetValueOrDefault(dip.Value);
                rules.Add(AddRule(Rule(fixPort ? NatRuleKind.DynamicPool : NatRuleKind.DynamicPat, NatDirection.InsideSource, sources, NatTargetKind.Pool,
                    null, pool, [.. _pools.Where(p => p.Name == pool).Select(p => p.Addresses)], from, to,
                    SourceNatDestinations(destinations), SourceNatDestinations(destinations), policy.Span)));
            }
            else
            {
                // `nat src` without a DIP: PAT to the egress interface's address.
                rules.Add(AddRule(Rule(NatRuleKind.DynamicPat, NatDirection.InsideSource, sources, NatTargetKind.Interface, egress, null, [],
                    from, to, SourceNatDestinations(destinations), SourceNatDestinations(destinations), policy.Span)));
            }
        }

        if (nat.DestinationRange is { } realDestination)
        {
            var port = nat.DestinationPort is { } p ? PortRange.Single(p.Value) : (PortRange?)null;
            rules.Add(AddRule(Rule(port is null ? NatRuleKind.Static : NatRuleKind.StaticPort, NatDirection.InsideDestination, [realDestination],
                NatTargetKind.Addresses, null, null, destinations, from, to, destinations, [realDestination],
                policy.Span, port)));
        }
    }

    /// <summary>
    /// `set policy id N` ... `exit`: each `set src-address`, `set dst-address` and `set service` adds one more
    /// source, destination or service to policy N (`unset` takes it out); the policy's NAT covers the added ones.
    /// </summary>
    private void BindPolicyContext(ScreenOsPolicyContext context)
    {
        var known = _policies.TryGetValue(context.Id.Value, out var policy);
        foreach (var child in context.Children.OfType<ScreenOsContextSetting>())
        {
            if (child.Subject is not { } subject)
            {
                continue;
            }

            switch (child.Setting)
            {
                case "src-address":
                case "dst-address":
                    var source = child.Setting == "src-address";
                    var zone = known ? (source ? policy.From : policy.To) : null;
                    var ranges = ResolveAddress(zone, subject, $"policy {context.Id.Value}");
                    if (!child.Unset && known)
                    {
                        ExtendRules(policy.Rules, source, ranges);
                    }

                    break;
                case "service":
                    ResolveService(subject, $"policy {context.Id.Value}");
                    TrackRpcPolicyService(context.Id.Value, child);
                    break;
            }
        }
    }

    private void ExtendRules(List<int> orders, bool source, ImmutableArray<AddressRange> ranges)
    {
        foreach (var order in orders)
        {
            var index = _natRules.FindIndex(r => r.Order == order);
            if (index < 0)
            {
                continue;
            }

            var rule = _natRules[index];
            if (!source && rule.Direction == NatDirection.InsideSource && rule.MappedDestination.IsEmpty)
            {
                // The policy already matches every destination: another one adds nothing.
                continue;
            }

            _natRules[index] = source && rule.Direction == NatDirection.InsideSource
                ? rule with { RealAddresses = rule.RealAddresses.AddRange(ranges) }
                : !source
                    ? rule with
                    {
                        MappedDestination = rule.MappedDestination.AddRange(ranges),
                        RealDestination = rule.Direction == NatDirection.InsideSource ? rule.RealDestination.AddRange(ranges) : rule.RealDestination,
                    }
                    : rule;
        }
    }

    private void RemoveRules(List<int> orders) => _natRules.RemoveAll(r => orders.Contains(r.Order));

    private void SetPolicyDisabled(ScreenOsPolicyDisable disable)
    {
        if (_policies.TryGetValue(disable.Id.Value, out var policy))
        {
            for (var i = 0; i < _natRules.Count; i++)
            {
                if (policy.Rules.Contains(_natRules[i].Order))
                {
                    _natRules[i] = _natRules[i] with { Inactive = !disable.Unset };
                }
            }
        }
    }

    private int AddRule(NatRule rule)
    {
        _natRules.Add(rule);
        return rule.Order;
    }

    /// <summary>`set interface IF nat`: an interface in NAT mode (vendor default for Trust on branch devices).</summary>
    private void BindInterfaceMode(ScreenOsInterfaceMode mode)
    {
        _natModeInterfaces.RemoveAll(m => m.Interface.Name == mode.Interface.Value);
        Update(mode.Interface, mode.Span, i => i);
        if (mode.Nat && !mode.Unset)
        {
            _natModeInterfaces.Add((_interfaces.Find(i => i.Name == mode.Interface.Value)!, mode.Span));
        }
    }

    /// <summary>
    /// Interface NAT mode (ScreenOS Concepts &amp; Examples, "Interface Modes: NAT Mode"): traffic that enters an
    /// interface in NAT mode and leaves through an interface of the Untrust zone takes the egress interface's
    /// address as its source, ports translated (PAT). Route mode, the default elsewhere, translates nothing.
    /// Added after every policy rule: policy NAT (`nat src`) takes precedence over the interface's mode.
    /// </summary>
    private void AddInterfaceNatModeRules()
    {
        foreach (var (natInterface, span) in _natModeInterfaces)
        {
            var ingress = _interfaces.Find(i => i.Name == natInterface.Name)!;
            if (string.Equals(ingress.Alias, "Untrust", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var egress in _interfaces.Where(i => string.Equals(i.Alias, "Untrust", StringComparison.OrdinalIgnoreCase)))
            {
                var real = ingress.Address is { } prefix ? AddressRange.Subnet(prefix.Address, Ipv4Address.FromPrefixLength(prefix.Length)) : AddressRange.All;
                AddRule(Rule(NatRuleKind.DynamicPat, NatDirection.InsideSource, [real], NatTargetKind.Interface, egress.Name, null, [],
                    ingress.Name, egress.Name, [], [], span));
            }
        }
    }

    /// <summary>Interface settings that bear on translation: a DHCP-learnt address, VIPs, extended DIPs.</summary>
    private void BindInterfaceSetting(ScreenOsInterfaceSetting setting)
    {
        switch (setting.Setting)
        {
            case "dhcp" when setting.Values is ["client", "enable", ..]:
                // The address is learnt at run time; PAT onto it is still well defined.
                Update(setting.Interface, setting.Span, i => i with { DynamicAddress = !setting.Unset });
                break;
            case "vip":
                _context.Diagnostics.Add(DiagnosticCatalog.NotModelled, setting.Span, $"VIP on {setting.Interface.Value}",
                    "the port forward to the real server is not translated by Alg; policies naming VIP(...) match nothing");
                break;
            case "mip":
            case "dip":
            case "ext":
                _context.Diagnostics.Add(DiagnosticCatalog.NotModelled, setting.Span, $"this {setting.Setting} form on {setting.Interface.Value}",
                    "Alg translates only `mip A host B [netmask M] [vr VR]` and `dip N FIRST LAST`");
                break;
        }
    }

    private void BindAddressGroup(ScreenOsAddressGroup group)
    {
        var zone = ZoneKey(group.Zone.Value);
        _zoneEvidence.TryAdd(group.Zone.Value, group.Zone);
        if (group.Member is not { } member || group.Unset || group.Remove)
        {
            return;
        }

        var ranges = ResolveAddress(zone, member, $"address group {group.Name.Value}");
        if (_addressGroups.TryGetValue((zone, group.Name.Value), out var members))
        {
            members.AddRange(ranges);
        }
    }

    /// <summary>
    /// A policy or group address: Any (and its IPv4/IPv6 forms), MIP(...)/VIP(...)/DIP(...), or an address or
    /// address group of the zone (or of the Global zone, whose entries every zone's policies may use). A name
    /// found only in another zone's address book is an error: the device looks names up in the policy's zone.
    /// A null zone (a context of a policy the file does not show) accepts a name of any zone.
    /// </summary>
    private ImmutableArray<AddressRange> ResolveAddress(string? zone, Located<string> name, string usage)
    {
        if (ScreenOsDefaults.AnyAddresses.Contains(name.Value))
        {
            return [AddressRange.All];
        }

        var open = name.Value.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && name.Value.EndsWith(')'))
        {
            var kind = name.Value[..open];
            if (kind.Equals("MIP", StringComparison.OrdinalIgnoreCase) || kind.Equals("VIP", StringComparison.OrdinalIgnoreCase) || kind.Equals("DIP", StringComparison.OrdinalIgnoreCase))
            {
                return Ipv4Address.TryParse(name.Value.AsSpan(open + 1, name.Value.Length - open - 2), out var address) ? [AddressRange.Host(address)] : [];
            }
        }

        if (name.Value.Equals("Dial-Up VPN", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var homeZone = zone ?? (_addressZoneOf.TryGetValue(name.Value, out var anyZone) ? ZoneKey(anyZone) : string.Empty);
        foreach (var candidate in new[] { homeZone, "Global" })
        {
            if (_addresses.TryGetValue((candidate, name.Value), out var range))
            {
                _context.References.Reference(ReferenceKind.Object, name.Value, name.Span, usage);
                return [range];
            }

            if (_fqdnAddresses.Contains((candidate, name.Value)))
            {
                _context.References.Reference(ReferenceKind.Object, name.Value, name.Span, usage);
                return [];
            }

            if (_addressGroups.TryGetValue((candidate, name.Value), out var members))
            {
                _context.References.Reference(ReferenceKind.ObjectGroup, name.Value, name.Span, usage);
                return [.. members];
            }
        }

        if (_addressZoneOf.TryGetValue(name.Value, out var otherZone))
        {
            _context.Diagnostics.Add(DiagnosticCatalog.UndefinedReference, name.Span, "address", name.Value,
                $" in zone '{zone}' (used by {usage}); it is defined in zone '{otherZone}', and ScreenOS looks an address up in the zone of its policy or group");
            return [];
        }

        _context.References.Reference(ReferenceKind.Object, name.Value, name.Span, usage);
        return [];
    }

    /// <summary>A predefined service, a custom service or a service group.</summary>
    private void ResolveService(Located<string> name, string usage)
    {
        if (_serviceGroups.Contains(name.Value))
        {
            _context.References.Reference(ReferenceKind.ServiceGroup, name.Value, name.Span, usage);
        }
        else if (_services.Contains(name.Value) || !ScreenOsDefaults.IsPredefinedService(name.Value))
        {
            _context.References.Reference(ReferenceKind.Service, name.Value, name.Span, usage);
        }
    }

    /// <summary>The canonical spelling of a zone (the predefined or defining one), or the name as written.</summary>
    private string ZoneKey(string zone) => _zones.TryGetValue(zone, out var canonical) ? canonical : zone;

    private static string DipName(int id) => $"dip {id}";

    // A policy to "Any" puts no condition on the destination: its source NAT is plain source NAT, not a twice NAT
    // that only some destinations get (which the runtime cannot carry out, and would skip).
    private static ImmutableArray<AddressRange> SourceNatDestinations(ImmutableArray<AddressRange> destinations) =>
        destinations.Any(range => range.First.Value == 0 && range.Last.Value == uint.MaxValue) ? [] : destinations;

    private NatRule Rule(
        NatRuleKind kind, NatDirection direction, ImmutableArray<AddressRange> real, NatTargetKind targetKind, string? targetInterface,
        string? targetPool, ImmutableArray<AddressRange> mapped, string? realInterface, string? mappedInterface,
        ImmutableArray<AddressRange> mappedDestination, ImmutableArray<AddressRange> realDestination, SourceSpan span, PortRange? port = null) =>
        // A `nat dst ... port P` maps the port of the policy's service; the service, not the rule, names the transport.
        new(kind, direction, null, null, real, targetKind, targetInterface, targetPool, mapped, null,
            port, null, realInterface, mappedInterface, mappedDestination, realDestination, false, true, false, _nextOrder++, span);
}
