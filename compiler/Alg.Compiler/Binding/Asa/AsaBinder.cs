using System.Collections.Immutable;
using Alg.Grammar.Asa.Ast;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>Binds an ASA (PIX, FWSM) AST to the vendor-neutral policy.</summary>
/// <remarks>
/// Named structures (objects, groups, aliases, class-maps, inspect maps) are collected first, since ASA
/// lines may refer to structures defined further down; then statements apply in file order. Interfaces
/// are known to NAT and ACLs by their <c>nameif</c>. Feature parts live in the partial files.
/// </remarks>
public sealed partial class AsaBinder : IDialectBinder
{
    private readonly List<AsaInterfaceDraft> _interfaces = [];
    private readonly Dictionary<string, AclBuilder> _acls = new(StringComparer.Ordinal);
    private readonly List<NatPool> _pools = [];
    private readonly List<NatRule> _natRules = [];
    private readonly Dictionary<string, int> _insideVotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _outsideVotes = new(StringComparer.Ordinal);
    private BindingContext _context = null!;
    private string? _hostname;
    private bool _aclsMatchRealAddresses;
    private readonly List<SunRpcServerEntry> _sunRpcServers = [];

    public BoundConfiguration Bind(ConfigurationAst ast, DiagnosticBag diagnostics)
    {
        var factory = UsesFactoryInspections(ast);
        _sunRpcServers.Clear();
        _context = new BindingContext(diagnostics, new AlgTableBuilder(AsaDefaults.Algs(factory)), new TimerTableBuilder(AsaDefaults.Timers));
        CollectStructures(ast);
        _aclsMatchRealAddresses = AclsMatchRealAddresses(ast);
        foreach (var statement in ast.Statements)
        {
            BindStatement(statement);
        }

        BindInspections(ast);
        BindIgnoredLines(ast);
        ImmutableArray<InterfacePolicy> interfaces = [.. _interfaces.Select(Finish)];
        var policy = new PolicyModel(
            Dialect.Asa,
            _hostname,
            [ast.Source.Path],
            interfaces,
            [.. _acls.Values.Select(a => a.Build())],
            [.. _pools],
            [.. _natRules.Select(rule => CheckRuntimeSupport(rule, interfaces)).OrderBy(r => r.Order)],
            AsaDefaults.Behavior,
            NatLimits.Unlimited,
            true,
            _context.Timers.Build(),
            _context.Algs.Build(),
            [.. _sunRpcServers]);
        return new BoundConfiguration(ast, policy, _context.References, _context.Settings) { NarrowedAclEntries = _context.NarrowedAclEntries };
    }

    /// <summary>
    /// The factory inspections apply when the file has no global_policy, or when its global_policy only edits
    /// inspections without a class (a pasted <c>policy-map global_policy</c> / <c>no inspect sip</c> session
    /// changes the running policy, it does not replace it).
    /// </summary>
    private static bool UsesFactoryInspections(ConfigurationAst ast)
    {
        var globals = ast.Statements.OfType<AsaPolicyMap>().Where(p => p.Name.Value == "global_policy").ToList();
        return globals.Count == 0 || globals.All(p => !p.Children.OfType<AsaPolicyClass>().Any());
    }

    /// <summary>
    /// From ASA 8.3 on, interface ACLs name real (untranslated) addresses; PIX, FWSM and ASA before 8.3 name
    /// the address the packet carries on that interface ("Migrating to ASA 8.3: real IP addresses in access
    /// lists", Cisco ASA 8.3 migration guide). Without a version banner, the NAT syntax tells the generation.
    /// </summary>
    private static bool AclsMatchRealAddresses(ConfigurationAst ast)
    {
        if (ast.Statements.OfType<AsaVersion>().FirstOrDefault() is { } banner)
        {
            return banner.Platform == "asa" && IsAtLeast83(banner.Version);
        }

        return !ast.Statements.Any(s => s is AsaLegacyStatic or AsaLegacyNat or AsaLegacyGlobal);
    }

    // "8.3(2)", "9.12(4)24", "8.4(2)8": major.minor leads the string.
    private static bool IsAtLeast83(string version)
    {
        var digits = version.Split('.', '(', ' ');
        if (digits.Length < 2 || !int.TryParse(digits[0], out var major) || !int.TryParse(digits[1], out var minor))
        {
            return true;
        }

        return major > 8 || (major == 8 && minor >= 3);
    }

    private void BindStatement(Statement statement)
    {
        switch (statement)
        {
            case AsaHostname hostname:
                _hostname = hostname.Name.Value;
                break;
            case AsaInterface iface:
                BindInterface(iface);
                break;
            case AsaPixNameif pix:
                var draft = Draft(pix.Hardware.Value, pix.Span);
                draft.Alias = pix.Name.Value;
                draft.SecurityLevel = pix.Level?.Value;
                _context.References.Define(ReferenceKind.Interface, pix.Name.Value, pix.Name.Span);
                break;
            case AsaPixInterfaceAddress pixAddress:
                _context.References.Reference(ReferenceKind.Interface, pixAddress.Interface.Value, pixAddress.Interface.Span, "ip address");
                if (FindByAlias(pixAddress.Interface.Value) is { } named)
                {
                    named.Address = pixAddress.Prefix;
                }

                break;
            case AsaAclEntry entry:
                BindAclEntry(entry);
                break;
            case AsaAccessGroup group:
                BindAccessGroup(group);
                break;
            case AsaObjectNetwork network:
                foreach (var nat in network.Children.OfType<AsaObjectNat>())
                {
                    BindObjectNat(network, nat);
                }

                break;
            case AsaTwiceNat twice:
                BindTwiceNat(twice);
                break;
            case AsaLegacyNat nat:
                BindLegacyNat(nat);
                break;
            case AsaLegacyStatic staticRule:
                BindLegacyStatic(staticRule);
                break;
            case AsaTimeout timeout:
                BindTimeout(timeout);
                break;
            case AsaFixup fixup:
                BindFixup(fixup);
                break;
            case AsaSunRpcServer sunRpcServer:
                BindSunRpcServer(sunRpcServer);
                break;
            case AsaServicePolicy servicePolicy:
                _context.References.Reference(ReferenceKind.PolicyMap, servicePolicy.PolicyMap.Value, servicePolicy.PolicyMap.Span, "service-policy");
                if (servicePolicy.Interface is { } target)
                {
                    _context.References.Reference(ReferenceKind.Interface, target.Value, target.Span, "service-policy");
                }

                break;
            case AsaAclUnmodelled unmodelled:
                // Defined, so an access-group naming it is not undefined; its entries filter nothing Alg translates.
                _context.References.Define(ReferenceKind.Acl, unmodelled.Acl.Value, unmodelled.Acl.Span);
                break;
            case AsaVersion:
            case AsaLegacyGlobal:
            case AsaNamesEnable:
            case AsaNameAlias:
            case AsaObjectService:
            case AsaObjectGroup:
            case AsaAclRemark:
            case AsaClassMap:
            case AsaPolicyMap:
            case AsaInspectMap:
            case SessionCommand:
                // Collected up front (CollectStructures, BindInspections) or changing nothing.
                break;
            default:
                throw new InvalidOperationException($"ASA binder has no case for {statement.GetType().Name}");
        }
    }

    private void BindInterface(AsaInterface iface)
    {
        var draft = Draft(iface.Name.Value, iface.Span);
        foreach (var child in iface.Children)
        {
            switch (child)
            {
                case AsaNameif nameif:
                    draft.Alias = nameif.Name?.Value;
                    if (nameif.Name is { } name)
                    {
                        _context.References.Define(ReferenceKind.Interface, name.Value, name.Span);
                    }

                    break;
                case AsaSecurityLevel level:
                    draft.SecurityLevel = level.Level?.Value;
                    break;
                case AsaInterfaceAddress address:
                    draft.Address = address.Prefix;
                    break;
                case AsaInterfaceShutdown shutdown:
                    draft.Shutdown = !shutdown.Negated;
                    break;
                case AsaDescription description:
                    draft.Description = description.Text;
                    break;
                case AsaManagementOnly managementOnly:
                    draft.ManagementOnly = !managementOnly.Negated;
                    break;
                default:
                    throw new InvalidOperationException($"ASA binder has no interface case for {child.GetType().Name}");
            }
        }
    }

    private void BindAccessGroup(AsaAccessGroup group)
    {
        _context.References.Reference(ReferenceKind.Acl, group.Acl.Value, group.Acl.Span, "access-group");
        if (group.Interface is not { } target)
        {
            // A global access-group applies to every interface's inbound traffic, after the interface lists.
            foreach (var draft in _interfaces.Where(i => i.Alias is not null && i.InboundAcl is null))
            {
                draft.InboundAcl = group.Acl.Value;
            }

            return;
        }

        _context.References.Reference(ReferenceKind.Interface, target.Value, target.Span, "access-group");
        if (FindByAlias(target.Value) is not { } iface)
        {
            return;
        }

        if (group.Direction == AsaAccessGroupDirection.In)
        {
            iface.InboundAcl = group.Acl.Value;
        }
        else
        {
            iface.OutboundAcl = group.Acl.Value;
        }

        _context.RecordSetting($"access-group {target.Value} {group.Direction}", group.Acl.Value, $"access-group {group.Direction.ToString().ToLowerInvariant()} on {target.Value}", group.Span);
    }

    private AsaInterfaceDraft Draft(string name, SourceSpan span)
    {
        var draft = _interfaces.Find(i => i.Name == name);
        if (draft is null)
        {
            draft = new AsaInterfaceDraft(name, span);
            _interfaces.Add(draft);
        }

        return draft;
    }

    private AsaInterfaceDraft? FindByAlias(string alias) => _interfaces.Find(i => string.Equals(i.Alias, alias, StringComparison.Ordinal));

    /// <summary>
    /// <c>management-only</c>, or a <c>Management</c> port or <c>nameif management</c> without
    /// <c>no management-only</c>: ASA Management interfaces are management-only by default ("Management
    /// Interface", ASA general configuration guide, interfaces chapter).
    /// </summary>
    private static bool IsManagement(AsaInterfaceDraft draft) =>
        draft.ManagementOnly ?? (draft.Name.StartsWith("Management", StringComparison.OrdinalIgnoreCase)
            || string.Equals(draft.Alias, "management", StringComparison.OrdinalIgnoreCase));

    /// <summary>Counts an interface's use as the real or the mapped side of a NAT rule; the majority decides its role.</summary>
    private void VoteRole(string? realInterface, string? mappedInterface)
    {
        if (realInterface is not null and not "any")
        {
            _insideVotes[realInterface] = _insideVotes.GetValueOrDefault(realInterface) + 1;
        }

        if (mappedInterface is not null and not "any")
        {
            _outsideVotes[mappedInterface] = _outsideVotes.GetValueOrDefault(mappedInterface) + 1;
        }
    }

    // NAT usage decides the role (real side inside, mapped side outside); without it the security level does.
    // A management interface passes no through traffic, so it is neither side whatever its security level.
    private InterfacePolicy Finish(AsaInterfaceDraft draft)
    {
        var inside = draft.Alias is null ? 0 : _insideVotes.GetValueOrDefault(draft.Alias);
        var outside = draft.Alias is null ? 0 : _outsideVotes.GetValueOrDefault(draft.Alias);
        var role = IsManagement(draft) ? InterfaceRole.Unassigned
            : inside > outside ? InterfaceRole.Inside
            : outside > inside ? InterfaceRole.Outside
            : draft.SecurityLevel == 100 ? InterfaceRole.Inside
            : draft.SecurityLevel == 0 ? InterfaceRole.Outside
            : InterfaceRole.Unassigned;
        return new InterfacePolicy(
            draft.Name, draft.Alias, role, draft.Address, draft.Description, draft.Shutdown, draft.InboundAcl, draft.OutboundAcl,
            draft.SecurityLevel, draft.Span, InboundAclMatchesRealAddresses: _aclsMatchRealAddresses && draft.InboundAcl is not null);
    }
}
