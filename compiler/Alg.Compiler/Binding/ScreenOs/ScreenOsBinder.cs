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
public sealed class ScreenOsBinder : IDialectBinder
{
    private readonly List<InterfacePolicy> _interfaces = [];
    private readonly Dictionary<(string Zone, string Name), AddressRange> _addresses = [];
    private readonly List<NatPool> _pools = [];
    private readonly Dictionary<int, bool> _dipFixPort = [];
    private readonly List<NatRule> _natRules = [];
    private BindingContext _context = null!;
    private string? _hostname;

    public BoundConfiguration Bind(ConfigurationAst ast, DiagnosticBag diagnostics)
    {
        _context = new BindingContext(diagnostics, new AlgTableBuilder(ScreenOsDefaults.Algs), new TimerTableBuilder(new Dictionary<string, long?>()));
        foreach (var zone in ScreenOsDefaults.PredefinedZones)
        {
            _context.References.Define(ReferenceKind.Zone, zone, SourceSpan.None, builtin: true);
        }

        foreach (var address in ast.Statements.OfType<ScreenOsAddress>().Where(a => !a.Unset && a.Range is not null))
        {
            _context.References.Define(ReferenceKind.Object, address.Name.Value, address.Name.Span);
            _addresses[(address.Zone.Value, address.Name.Value)] = address.Range!.Value;
        }

        foreach (var statement in ast.Statements)
        {
            BindStatement(statement);
        }

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
        return new BoundConfiguration(ast, policy, _context.References, _context.Settings);
    }

    private void BindStatement(Statement statement)
    {
        switch (statement)
        {
            case ScreenOsHostname hostname:
                _hostname = hostname.Unset ? null : hostname.Name?.Value;
                break;
            case ScreenOsInterfaceZone zone:
                Update(zone.Interface, zone.Span, i => i with
                {
                    Alias = zone.Unset ? null : zone.Zone.Value,
                    Role = zone.Unset ? InterfaceRole.Unassigned : ScreenOsDefaults.RoleOfZone(zone.Zone.Value),
                });
                _context.References.Reference(ReferenceKind.Zone, zone.Zone.Value, zone.Zone.Span, $"interface {zone.Interface.Value}");
                break;
            case ScreenOsInterfaceAddress address:
                Update(address.Interface, address.Span, i => i with { Address = address.Unset ? null : address.Prefix });
                break;
            case ScreenOsZone zone:
                _context.References.Define(ReferenceKind.Zone, zone.Name.Value, zone.Name.Span);
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
            case ScreenOsInterfaceMode:
            case ScreenOsInterfaceSetting:
            case ScreenOsAddress:
            case ScreenOsPolicyDelete:
            case ScreenOsPolicyContext:
            case ScreenOsVrouterContext:
            case ScreenOsVrouter:
            case ScreenOsService:
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
        _context.References.Reference(ReferenceKind.Zone, policy.FromZone.Value, policy.FromZone.Span, "policy");
        _context.References.Reference(ReferenceKind.Zone, policy.ToZone.Value, policy.ToZone.Span, "policy");
        if (policy.Unset || policy.Nat is not { } nat || policy.Action.Value != "permit")
        {
            return;
        }

        var sources = Addresses(policy.FromZone.Value, policy.Source);
        var destinations = Addresses(policy.ToZone.Value, policy.Destination);
        var egress = _interfaces.Find(i => string.Equals(i.Alias, policy.ToZone.Value, StringComparison.OrdinalIgnoreCase))?.Name;
        if (nat.Source)
        {
            if (nat.DipId is { } dip)
            {
                var pool = DipName(dip.Value);
                _context.References.Reference(ReferenceKind.NatPool, pool, dip.Span, $"policy {policy.Id?.Value}");
                var fixPort = _dipFixPort.GetValueOrDefault(dip.Value);
                _natRules.Add(Rule(fixPort ? NatRuleKind.DynamicPool : NatRuleKind.DynamicPat, NatDirection.InsideSource, sources, NatTargetKind.Pool,
                    null, pool, [.. _pools.Where(p => p.Name == pool).Select(p => p.Addresses)], policy.FromZone.Value, policy.ToZone.Value,
                    destinations, destinations, policy.Span));
            }
            else
            {
                // `nat src` without a DIP: PAT to the egress interface's address.
                _natRules.Add(Rule(NatRuleKind.DynamicPat, NatDirection.InsideSource, sources, NatTargetKind.Interface, egress, null, [],
                    policy.FromZone.Value, policy.ToZone.Value, destinations, destinations, policy.Span));
            }
        }

        if (nat.DestinationRange is { } realDestination)
        {
            var port = nat.DestinationPort is { } p ? PortRange.Single(p.Value) : (PortRange?)null;
            _natRules.Add(Rule(port is null ? NatRuleKind.Static : NatRuleKind.StaticPort, NatDirection.InsideDestination, [realDestination],
                NatTargetKind.Addresses, null, null, destinations, policy.FromZone.Value, policy.ToZone.Value, destinations, [realDestination],
                policy.Span, port));
        }
    }

    /// <summary>A policy address: "Any", an address-book name of the zone, or a MIP(...) / VIP(...) pseudo-address.</summary>
    private ImmutableArray<AddressRange> Addresses(string zone, Located<string> name)
    {
        if (string.Equals(name.Value, "Any", StringComparison.OrdinalIgnoreCase))
        {
            return [AddressRange.All];
        }

        if (_addresses.TryGetValue((zone, name.Value), out var range))
        {
            _context.References.Reference(ReferenceKind.Object, name.Value, name.Span, "policy");
            return [range];
        }

        var open = name.Value.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && name.Value.EndsWith(')') && Ipv4Address.TryParse(name.Value.AsSpan(open + 1, name.Value.Length - open - 2), out var address))
        {
            return [AddressRange.Host(address)];
        }

        _context.References.Reference(ReferenceKind.Object, name.Value, name.Span, "policy");
        return [];
    }

    private static string DipName(int id) => $"dip {id}";

    private NatRule Rule(
        NatRuleKind kind, NatDirection direction, ImmutableArray<AddressRange> real, NatTargetKind targetKind, string? targetInterface,
        string? targetPool, ImmutableArray<AddressRange> mapped, string? realInterface, string? mappedInterface,
        ImmutableArray<AddressRange> mappedDestination, ImmutableArray<AddressRange> realDestination, SourceSpan span, PortRange? port = null) =>
        // A `nat dst ... port P` maps the port of the policy's service; the service, not the rule, names the transport.
        new(kind, direction, null, null, real, targetKind, targetInterface, targetPool, mapped, null,
            port, null, realInterface, mappedInterface, mappedDestination, realDestination, false, true, false, _natRules.Count, span);
}
