using System.Collections.Immutable;
using System.Globalization;
using Alg.Grammar.Asa.Ast;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using static Alg.Grammar.Asa.AsaParser;

namespace Alg.Grammar.Asa;

/// <summary>Turns one parsed ASA line into its AST statement. ANTLR contexts go no further than this class.</summary>
internal sealed class AsaAstBuilder(SpanFactory spans, DiagnosticBag diagnostics)
{
    private readonly TokenValues _values = new(spans, diagnostics);

    // Inspections whose first argument is a sub-protocol, not a map name (`inspect h323 h225`, `inspect icmp error`).
    private static readonly Dictionary<string, string[]> SubProtocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["h323"] = ["h225", "ras"],
        ["icmp"] = ["error"],
    };

    // Inspect / fixup arguments that are options rather than a map name; the value after those in
    // OptionsWithValue belongs to them.
    private static readonly HashSet<string> InspectFlags = new(StringComparer.OrdinalIgnoreCase)
    {
        "strict", "dynamic-filter-snoop", "maximum-length", "tls-proxy", "scansafe", "enforce", "inline",
    };

    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.OrdinalIgnoreCase) { "maximum-length", "tls-proxy" };

    public LineResult Build(ParserRuleContext line) => line switch
    {
        Global_lineContext global => BuildGlobal(global),
        Interface_lineContext child => LineResult.Of(BuildInterfaceLine(child)),
        Object_network_lineContext child => LineResult.Of(BuildObjectNetworkLine(child)),
        Object_service_lineContext child => LineResult.Of(BuildObjectServiceLine(child)),
        Object_group_lineContext child => LineResult.Of(BuildObjectGroupLine(child)),
        Class_map_lineContext child => LineResult.Of(BuildClassMapLine(child)),
        Policy_map_lineContext child => BuildPolicyMapLine(child),
        Policy_class_lineContext child => LineResult.Of(child switch
        {
            Pc_inspectContext inspect => BuildInspect(inspect.inspect_line()),
            Pc_setContext set => new AsaPolicyAction(Words(set), spans.Of(set)),
            _ => throw new InvalidOperationException(),
        }),
        Inspect_map_lineContext child => BuildInspectMapLine(child),
        Inspect_parameter_lineContext child => LineResult.Of(BuildParameter(child)),
        Inspect_action_lineContext child => LineResult.Of(new AsaInspectAction(
            Name(child.action), [.. child._values.Select(v => v.GetText().ToLowerInvariant())], spans.Of(child))),
        _ => throw new InvalidOperationException($"no builder for {line.GetType().Name}"),
    };

    private LineResult BuildGlobal(Global_lineContext line)
    {
        var span = spans.Of(line);
        var child = (ParserRuleContext)line.GetChild(0);
        switch (child)
        {
            case Session_lineContext session:
                return BuildSession(session);
            case Version_lineContext version:
                return LineResult.Of(new AsaVersion(version.platform.Text.ToLowerInvariant(), version.TEXT()?.GetText().Trim() ?? string.Empty, span));
            case Hostname_lineContext hostname:
                return LineResult.Of(new AsaHostname(Name(hostname.name), span));
            case Names_enableContext names:
                return LineResult.Of(new AsaNamesEnable(names.NO() is not null, span));
            case Name_aliasContext alias:
                return LineResult.Of(new AsaNameAlias(alias.address.Text, ParseAddress(alias.address), Name(alias.alias), alias.TEXT()?.GetText().Trim(), span));
            case Name_alias_otherContext other:
                // IPv6 and other non-IPv4 aliases: kept so references resolve, but with no IPv4 address.
                return LineResult.Of(new AsaNameAlias(other.other.GetText(), null, Name(other.alias), other.TEXT()?.GetText().Trim(), span));
            case Interface_headerContext header:
                var interfaceName = Name(header.name);
                return LineResult.Block(AsaFrontEnd.Interface, children => new AsaInterface(interfaceName, span, children));
            case Pix_nameif_lineContext pix:
                return LineResult.Of(new AsaPixNameif(Name(pix.hardware), Name(pix.name), PixSecurityLevel(pix.level), span));
            case Pix_ip_address_staticContext pixAddress:
                return LineResult.Of(new AsaPixInterfaceAddress(Name(pixAddress.name), Prefix(pixAddress.address, pixAddress.mask), false, span));
            case Pix_ip_address_dynamicContext pixDynamic:
                return LineResult.Of(new AsaPixInterfaceAddress(Name(pixDynamic.name), null, true, span));
            case Object_network_headerContext objectNetwork:
                var networkName = Name(objectNetwork.name);
                return LineResult.Block(AsaFrontEnd.ObjectNetwork, children => new AsaObjectNetwork(networkName, span, children));
            case Object_service_headerContext objectService:
                var serviceName = Name(objectService.name);
                return LineResult.Block(AsaFrontEnd.ObjectService, children => new AsaObjectService(serviceName, span, children));
            case Object_group_headerContext group:
                var groupName = Name(group.name);
                var kind = group.kind.GetText().ToLowerInvariant();
                var protocol = group.protocol?.GetText().ToLowerInvariant();
                return LineResult.Block(AsaFrontEnd.ObjectGroup, children => new AsaObjectGroup(groupName, kind, protocol, span, children));
            case Acl_lineContext acl:
                return LineResult.Of(BuildAcl(acl));
            case Access_group_interfaceContext accessGroup:
                return LineResult.Of(new AsaAccessGroup(
                    Name(accessGroup.acl),
                    accessGroup.direction.Type == IN ? AsaAccessGroupDirection.In : AsaAccessGroupDirection.Out,
                    Name(accessGroup.interface_name),
                    span));
            case Access_group_globalContext globalGroup:
                return LineResult.Of(new AsaAccessGroup(Name(globalGroup.acl), AsaAccessGroupDirection.Global, null, span));
            case Twice_nat_lineContext twice:
                return LineResult.Of(BuildTwiceNat(twice));
            case Legacy_global_lineContext legacyGlobal:
                return LineResult.Of(BuildLegacyGlobal(legacyGlobal));
            case Legacy_nat_lineContext legacyNat:
                return LineResult.Of(BuildLegacyNat(legacyNat));
            case Legacy_static_lineContext legacyStatic:
                return LineResult.Of(BuildLegacyStatic(legacyStatic));
            case Class_map_headerContext classMap:
                var className = Name(classMap.name);
                var inspectProtocol = classMap.protocol?.GetText().ToLowerInvariant();
                return LineResult.Block(AsaFrontEnd.ClassMap, children => new AsaClassMap(className, inspectProtocol, span, children));
            case Policy_map_headerContext policyMap:
                var policyName = Name(policyMap.name);
                return LineResult.Block(AsaFrontEnd.PolicyMap, children => new AsaPolicyMap(policyName, span, children));
            case Inspect_map_headerContext inspectMap:
                var mapProtocol = Lower(inspectMap.protocol);
                var mapName = Name(inspectMap.name);
                return LineResult.Block(AsaFrontEnd.InspectMap, children => new AsaInspectMap(mapProtocol, mapName, span, children));
            case Sp_globalContext servicePolicy:
                return LineResult.Of(new AsaServicePolicy(servicePolicy.NO() is not null, Name(servicePolicy.name), null, span));
            case Sp_interfaceContext interfacePolicy:
                return LineResult.Of(new AsaServicePolicy(interfacePolicy.NO() is not null, Name(interfacePolicy.name), Name(interfacePolicy.interface_name), span));
            case Timeout_lineContext timeout:
                return LineResult.Of(new AsaTimeout(timeout.NO() is not null, [.. timeout.timeout_pair().Select(TimeoutValue)], span));
            case Fixup_lineContext fixup:
                return LineResult.Of(BuildFixup(fixup));
            case Sunrpc_server_lineContext sunRpcServer:
                return LineResult.Of(new AsaSunRpcServer(sunRpcServer.NO() is not null, [.. sunRpcServer._arguments.Select(a => a.GetText())], span));
            default:
                throw new InvalidOperationException($"no builder for {child.GetType().Name}");
        }
    }

    private LineResult BuildSession(Session_lineContext session)
    {
        var span = spans.Of(session);
        var text = Words(session);
        return session switch
        {
            Session_configureContext => LineResult.Of(new SessionCommand(SessionCommandKind.Configure, text, span)),
            Session_endContext => new LineResult(new SessionCommand(SessionCommandKind.End, text, span), Exit: LineResult.ExitAll),
            Session_exitContext => new LineResult(new SessionCommand(SessionCommandKind.Exit, text, span), Exit: 1),
            Session_enableContext => LineResult.Of(new SessionCommand(SessionCommandKind.Enable, text, span)),
            Session_execContext exec => LineResult.Of(new SessionCommand(
                SessionCommandKind.Exec, (exec.GetChild(0).GetText() + " " + (exec.TEXT()?.GetText().Trim() ?? string.Empty)).Trim(), span)),
            Session_passwordContext => LineResult.Of(new SessionCommand(SessionCommandKind.Password, "Password:", span)),
            _ => throw new InvalidOperationException(),
        };
    }

    private Statement BuildInterfaceLine(Interface_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            If_nameifContext nameif => new AsaNameif(Name(nameif.name), span),
            If_no_nameifContext => new AsaNameif(null, span),
            If_security_levelContext level => new AsaSecurityLevel(SecurityLevel(level.level), span),
            If_no_security_levelContext => new AsaSecurityLevel(null, span),
            If_ip_addressContext address => new AsaInterfaceAddress(
                Prefix(address.address, address.mask), address.standby is null ? null : ParseAddress(address.standby), false, span),
            If_ip_address_dynamicContext => new AsaInterfaceAddress(null, null, true, span),
            If_no_ip_addressContext => new AsaInterfaceAddress(null, null, false, span),
            If_shutdownContext shutdown => new AsaInterfaceShutdown(shutdown.NO() is not null, span),
            If_management_onlyContext managementOnly => new AsaManagementOnly(managementOnly.NO() is not null, span),
            If_descriptionContext description => new AsaDescription(Text(description.TEXT()), span),
            _ => throw new InvalidOperationException(),
        };
    }

    private Located<int> SecurityLevel(IToken token)
    {
        var level = Int(token);
        if (level.Value > 100)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidValue, level.Span, token.Text, "security level (0-100)");
        }

        return level;
    }

    // PIX 6 writes the level glued to its keyword: `security100`.
    private Located<int>? PixSecurityLevel(VariableContext level)
    {
        var text = level.GetText();
        var digits = text.StartsWith("security", StringComparison.OrdinalIgnoreCase) ? text["security".Length..] : text;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100)
        {
            return new Located<int>(value, spans.Of(level));
        }

        diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(level), text, "security level (securityN, N 0-100)");
        return null;
    }

    private Statement BuildObjectNetworkLine(Object_network_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            On_hostContext host => new AsaObjectAddress(AsaObjectAddressKind.Host, AddressRange.Host(ParseAddress(host.address)), null, span),
            On_subnetContext subnet => new AsaObjectAddress(
                AsaObjectAddressKind.Subnet, AddressRange.Subnet(ParseAddress(subnet.address), Mask(subnet.mask)), null, span),
            On_subnet_prefixContext prefix => new AsaObjectAddress(AsaObjectAddressKind.Subnet, PrefixRange(ParsePrefix(prefix.prefix)), null, span),
            On_rangeContext range => new AsaObjectAddress(AsaObjectAddressKind.Range, Range(range.first, range.last), null, span),
            On_fqdnContext fqdn => new AsaObjectAddress(AsaObjectAddressKind.Fqdn, null, fqdn.variable().LastOrDefault()?.GetText() ?? string.Empty, span),
            On_descriptionContext description => new AsaDescription(Text(description.TEXT()), span),
            On_natContext nat => BuildObjectNat(nat.object_nat_line()),
            _ => throw new InvalidOperationException(),
        };
    }

    private AsaObjectNat BuildObjectNat(Object_nat_lineContext nat)
    {
        var (real, mapped) = InterfacePair(nat.interfaces);
        var options = nat.object_nat_option();
        var service = options.OfType<Onat_serviceContext>().FirstOrDefault();
        return new AsaObjectNat(
            real,
            mapped,
            nat.kind.Type == STATIC,
            NatAddress(nat.nat_mapped().pool ?? nat.nat_mapped().mapped),
            options.OfType<Onat_interface_fallbackContext>().Any(),
            service is null ? null : Transport(service.protocol),
            service is null ? null : Port(service.real_port),
            service is null ? null : Port(service.mapped_port),
            [.. PatPoolFlag(nat.nat_mapped()), .. options.OfType<Onat_flagContext>().Select(f => f.GetText().ToLowerInvariant())],
            spans.Of(nat));
    }

    private Statement BuildObjectServiceLine(Object_service_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            Os_serviceContext service => new AsaServiceDefinition(Lower(service.protocol), Ports(service.source), Ports(service.destination), span),
            Os_descriptionContext description => new AsaDescription(Text(description.TEXT()), span),
            _ => throw new InvalidOperationException(),
        };
    }

    private Statement BuildObjectGroupLine(Object_group_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            Og_hostContext host => Member(AsaGroupMemberKind.Address, span, range: AddressRange.Host(ParseAddress(host.address))),
            Og_host_aliasContext alias => Member(AsaGroupMemberKind.Alias, span, reference: Name(alias.alias)),
            Og_subnetContext subnet => Member(AsaGroupMemberKind.Address, span, range: AddressRange.Subnet(ParseAddress(subnet.address), Mask(subnet.mask))),
            Og_prefixContext prefix => Member(AsaGroupMemberKind.Address, span, range: PrefixRange(ParsePrefix(prefix.prefix))),
            Og_objectContext reference => Member(AsaGroupMemberKind.Object, span, reference: Name(reference.name)),
            Og_alias_subnetContext aliasSubnet => Member(AsaGroupMemberKind.Alias, span, reference: Name(aliasSubnet.alias)),
            Og_portContext port => Member(AsaGroupMemberKind.Port, span, ports: Ports(port.ports)),
            Og_service_objectContext serviceObject => Member(AsaGroupMemberKind.ServiceObject, span, reference: Name(serviceObject.name)),
            Og_serviceContext service => Member(AsaGroupMemberKind.Service, span, protocol: Lower(service.protocol), sourcePorts: Ports(service.source), ports: Ports(service.destination)),
            Og_protocolContext protocol => Member(AsaGroupMemberKind.Protocol, span, protocol: Lower(protocol.protocol)),
            Og_icmpContext icmp => Member(AsaGroupMemberKind.Icmp, span, reference: Lower(icmp.icmp)),
            Og_groupContext group => Member(AsaGroupMemberKind.Group, span, reference: Name(group.name)),
            Og_descriptionContext description => new AsaDescription(Text(description.TEXT()), span),
            _ => throw new InvalidOperationException(),
        };
    }

    private static AsaGroupMember Member(
        AsaGroupMemberKind kind, SourceSpan span, AddressRange? range = null, Located<string>? reference = null,
        Located<string>? protocol = null, AsaPortSpec? sourcePorts = null, AsaPortSpec? ports = null) =>
        new(kind, range, reference, protocol, sourcePorts, ports, span);

    private Statement BuildAcl(Acl_lineContext line)
    {
        var span = spans.Of(line);
        switch (line)
        {
            case Acl_remarkContext remark:
                return new AsaAclRemark(Name(remark.name), Text(remark.TEXT()), span);
            case Acl_standardContext standard:
                return new AsaAclEntry(
                    Name(standard.name), true, Action(standard.action), null, Address(standard.source), null, null, null, null, [], span);
            case Acl_extendedContext extended:
                var destinationPorts = extended.destination_ports;
                return new AsaAclEntry(
                    Name(extended.name),
                    false,
                    Action(extended.action),
                    Protocol(extended.protocol),
                    Address(extended.source),
                    extended.source_ports?.port_spec() is { } sourceSpec ? Ports(sourceSpec) : null,
                    Address(extended.destination),
                    destinationPorts?.port_spec() is { } spec ? Ports(spec) : null,
                    destinationPorts?.group is { } group ? Name(group) : null,
                    [.. extended._options.Select(o => o.GetText().ToLowerInvariant())],
                    span,
                    extended.source_ports?.group is { } sourceGroup ? Name(sourceGroup) : null);
            case Acl_unmodelledContext unmodelled:
                return new AsaAclUnmodelled(Name(unmodelled.name), unmodelled.kind.Text.ToLowerInvariant(), Words(unmodelled), span);
            default:
                throw new InvalidOperationException();
        }
    }

    private static AclAction Action(IToken token) => token.Type == PERMIT ? AclAction.Permit : AclAction.Deny;

    private AsaAclProtocol Protocol(Acl_protocolContext protocol)
    {
        if (protocol.OBJECT_GROUP() is not null || protocol.OBJECT() is not null)
        {
            return new AsaAclProtocol(null, Name(protocol.name), protocol.OBJECT_GROUP() is not null, Words(protocol));
        }

        var text = protocol.GetText();
        if (!WellKnownPorts.TryProtocol(text, out var number))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(protocol), text, "IP protocol" + Suggestions.DidYouMean(text, WellKnownPorts.ProtocolNames));
        }

        return new AsaAclProtocol(number, null, false, text.ToLowerInvariant());
    }

    private AsaAclAddress Address(Acl_addressContext address)
    {
        if (address.ANY() is not null || address.ANY4() is not null)
        {
            return new AsaAclAddress(AsaAclAddressKind.Any, AddressMatch.Any, null);
        }

        if (address.ANY6() is not null)
        {
            return new AsaAclAddress(AsaAclAddressKind.Ipv6, null, null);
        }

        if (address.prefix6 is not null || (address.alias is not null && address.alias.GetText().Contains(':', StringComparison.Ordinal)))
        {
            var token = address.prefix6 ?? address.alias!.Start;
            var text = token.Text;
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (!System.Net.IPAddress.TryParse(slash < 0 ? text : text[..slash], out var parsed)
                || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(token), text, "IPv6 address or prefix");
            }

            return new AsaAclAddress(AsaAclAddressKind.Ipv6, null, null);
        }

        if (address.OBJECT_GROUP() is not null)
        {
            return new AsaAclAddress(AsaAclAddressKind.ObjectGroup, null, Name(address.name));
        }

        if (address.OBJECT() is not null)
        {
            return new AsaAclAddress(AsaAclAddressKind.Object, null, Name(address.name));
        }

        if (address.INTERFACE() is not null)
        {
            return new AsaAclAddress(AsaAclAddressKind.Interface, null, Name(address.interface_name));
        }

        if (address.alias is not null)
        {
            return new AsaAclAddress(AsaAclAddressKind.Alias, null, Name(address.alias));
        }

        if (address.word_alias is not null)
        {
            return new AsaAclAddress(AsaAclAddressKind.Alias, null, new Located<string>(address.word_alias.Text, spans.Of(address.word_alias)));
        }

        // ASA masks are network masks (not IOS wildcards); AddressMatch wants the wildcard.
        var ip = ParseAddress(address.address);
        var wildcard = address.mask is null ? 0u : ~Mask(address.mask).Value;
        return new AsaAclAddress(AsaAclAddressKind.Match, new AddressMatch(new Ipv4Address(ip.Value & ~wildcard), wildcard), null);
    }

    private AsaTwiceNat BuildTwiceNat(Twice_nat_lineContext nat)
    {
        var (real, mapped) = InterfacePair(nat.interfaces);
        var options = nat.twice_nat_option();
        var destination = options.OfType<Tnat_destinationContext>().FirstOrDefault();
        var service = options.OfType<Tnat_serviceContext>().FirstOrDefault();
        var description = options.OfType<Tnat_descriptionContext>().FirstOrDefault();
        return new AsaTwiceNat(
            real,
            mapped,
            nat.AFTER_AUTO() is not null,
            nat.kind.Type == STATIC,
            NatAddress(nat.real),
            NatAddress(nat.nat_mapped().pool ?? nat.nat_mapped().mapped),
            options.OfType<Tnat_interface_fallbackContext>().Any(),
            destination is null ? null : NatAddress(destination.mapped_destination),
            destination is null ? null : NatAddress(destination.real_destination),
            service is null ? null : Name(service.real_service),
            service is null ? null : Name(service.mapped_service),
            description is null ? null : Text(description.TEXT()).Trim('"'),
            options.OfType<Tnat_inactiveContext>().Any(),
            [.. PatPoolFlag(nat.nat_mapped()), .. options.OfType<Tnat_flagContext>().Select(f => f.GetText().ToLowerInvariant())],
            spans.Of(nat));
    }

    // `pat-pool OBJ` is PAT over the pool object's addresses; the pool replaces the mapped object (ASA does not
    // use both), so the operand kept is the pool and the flag says how to use it.
    private static string[] PatPoolFlag(Nat_mappedContext mapped) => mapped.pool is null ? [] : ["pat-pool"];

    private AsaLegacyGlobal BuildLegacyGlobal(Legacy_global_lineContext global)
    {
        var (interfaceName, _) = InterfacePair(global.interfaces);
        AddressRange? range = null;
        if (global.address is not null)
        {
            range = AddressRange.Host(ParseAddress(global.address));
        }
        else if (global.range is not null)
        {
            var dash = global.range.Text.IndexOf('-', StringComparison.Ordinal);
            range = Range(global.range, global.range.Text[..dash], global.range.Text[(dash + 1)..]);
        }

        return new AsaLegacyGlobal(
            interfaceName ?? Missing(global.interfaces), Int(global.id), global.INTERFACE() is not null, range,
            global.mask is null ? null : Mask(global.mask), spans.Of(global));
    }

    private AsaLegacyNat BuildLegacyNat(Legacy_nat_lineContext nat)
    {
        var (interfaceName, _) = InterfacePair(nat.interfaces);
        AddressRange? match = null;
        if (nat.address is not null)
        {
            // `nat (inside) 1 0 0` is PIX shorthand for 0.0.0.0 0.0.0.0: every address.
            var address = nat.address.Type == DEC ? Ipv4Address.Any : ParseAddress(nat.address);
            var mask = nat.mask.Type == DEC ? Ipv4Address.Any : Mask(nat.mask);
            match = AddressRange.Subnet(address, mask);
        }

        return new AsaLegacyNat(
            interfaceName ?? Missing(nat.interfaces), Int(nat.id), nat.acl is null ? null : Name(nat.acl), match,
            [.. nat._options.Select(o => o.GetText().ToLowerInvariant())], spans.Of(nat));
    }

    private AsaLegacyStatic BuildLegacyStatic(Legacy_static_lineContext line)
    {
        var (real, mapped) = InterfacePair(line.interfaces);
        if (mapped is null)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(line.interfaces), line.interfaces.Text, "interface pair (real_if,mapped_if)");
        }

        var options = line.legacy_static_option();
        var mask = options.FirstOrDefault(o => o.NETMASK() is not null)?.mask;
        var body = line.legacy_static_body();
        TransportProtocol? protocol = null;
        IToken? mappedAddress, realAddress;
        Port_numberContext? mappedPort = null, realPort = null;
        VariableContext? acl;
        bool mappedInterface;
        switch (body)
        {
            case Static_portContext port:
                protocol = Transport(port.protocol);
                mappedInterface = port.INTERFACE() is not null;
                mappedAddress = port.mapped;
                mappedPort = port.mapped_port;
                realAddress = port.real;
                realPort = port.real_port;
                acl = port.acl;
                break;
            case Static_plainContext plain:
                mappedInterface = plain.INTERFACE() is not null;
                mappedAddress = plain.mapped;
                realAddress = plain.real;
                acl = plain.acl;
                break;
            default:
                throw new InvalidOperationException();
        }

        return new AsaLegacyStatic(
            real ?? Missing(line.interfaces),
            mapped ?? Missing(line.interfaces),
            protocol,
            mappedInterface,
            mappedAddress is null ? null : LocatedAddress(mappedAddress),
            mappedPort is null ? null : Port(mappedPort),
            realAddress is null ? null : LocatedAddress(realAddress),
            realPort is null ? null : Port(realPort),
            acl is null ? null : Name(acl),
            mask is null ? null : Mask(mask),
            [.. options.Where(o => o.NETMASK() is null).Select(o => o.GetText().ToLowerInvariant())],
            spans.Of(line));
    }

    private Statement BuildClassMapLine(Class_map_lineContext line)
    {
        var span = spans.Of(line);
        var text = Words(line);
        return line switch
        {
            Cm_default_inspectionContext => new AsaClassMatch(AsaClassMatchKind.DefaultInspectionTraffic, false, null, null, null, text, span),
            Cm_portContext port => new AsaClassMatch(AsaClassMatchKind.Port, false, Transport(port.protocol), Ports(port.ports), null, text, span),
            Cm_access_listContext acl => new AsaClassMatch(AsaClassMatchKind.AccessList, false, null, null, Name(acl.acl), text, span),
            Cm_anyContext => new AsaClassMatch(AsaClassMatchKind.Any, false, null, null, null, text, span),
            Cm_otherContext other => new AsaClassMatch(AsaClassMatchKind.Other, other.NO() is not null, null, null, null, text, span),
            Cm_descriptionContext description => new AsaDescription(Text(description.TEXT()), span),
            _ => throw new InvalidOperationException(),
        };
    }

    private LineResult BuildPolicyMapLine(Policy_map_lineContext line)
    {
        var span = spans.Of(line);
        switch (line)
        {
            case Pm_classContext policyClass:
                var name = Name(policyClass.name);
                return LineResult.Block(AsaFrontEnd.PolicyClass, children => new AsaPolicyClass(name, span, children));
            case Pm_inspectContext inspect:
                return LineResult.Of(BuildInspect(inspect.inspect_line()));
            case Pm_descriptionContext description:
                return LineResult.Of(new AsaDescription(Text(description.TEXT()), span));
            default:
                throw new InvalidOperationException();
        }
    }

    private AsaInspect BuildInspect(Inspect_lineContext inspect)
    {
        var (protocol, rest) = ProtocolWithSubProtocol(inspect.protocol, inspect._arguments);
        Located<string>? map = null;
        var arguments = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            var word = rest[i].GetText();
            if (InspectFlags.Contains(word))
            {
                arguments.Add(word.ToLowerInvariant());
                if (OptionsWithValue.Contains(word) && i + 1 < rest.Count)
                {
                    arguments.Add(rest[++i].GetText());
                }
            }
            else if (map is null)
            {
                map = Name(rest[i]);
            }
            else
            {
                arguments.Add(word);
            }
        }

        return new AsaInspect(inspect.NO() is not null, protocol, map, arguments.ToImmutable(), spans.Of(inspect));
    }

    // `h323 h225`, `h323 ras`, `icmp error`: the sub-protocol is part of the inspection's name.
    private (Located<string> Protocol, List<VariableContext> Remaining) ProtocolWithSubProtocol(VariableContext protocol, IList<VariableContext> arguments)
    {
        var name = protocol.GetText().ToLowerInvariant();
        var rest = arguments.ToList();
        if (rest.Count > 0 && SubProtocols.TryGetValue(name, out var subs) && subs.Contains(rest[0].GetText(), StringComparer.OrdinalIgnoreCase))
        {
            var sub = rest[0];
            rest.RemoveAt(0);
            return (new Located<string>(name + " " + sub.GetText().ToLowerInvariant(), spans.Of(protocol.Start, sub.Start)), rest);
        }

        return (new Located<string>(name, spans.Of(protocol)), rest);
    }

    private LineResult BuildInspectMapLine(Inspect_map_lineContext line)
    {
        var span = spans.Of(line);
        switch (line)
        {
            case Im_parametersContext:
                return LineResult.Block(AsaFrontEnd.InspectParameters, children => new AsaInspectParameters(span, children));
            case Im_matchContext match:
                var criteria = string.Join(' ', match._criteria.Select(c => c.GetText()));
                var negated = match.NO() is not null;
                return LineResult.Block(AsaFrontEnd.InspectMatch, children => new AsaInspectMatch(negated, criteria, span, children));
            case Im_classContext inspectClass:
                var className = "class " + inspectClass.name.GetText();
                return LineResult.Block(AsaFrontEnd.InspectMatch, children => new AsaInspectMatch(false, className, span, children));
            case Im_descriptionContext description:
                return LineResult.Of(new AsaDescription(Text(description.TEXT()), span));
            default:
                throw new InvalidOperationException();
        }
    }

    private AsaInspectParameter BuildParameter(Inspect_parameter_lineContext line)
    {
        var values = line._values.Select(Lower).ToImmutableArray();
        var actionIndex = values.IndexOf(values.FirstOrDefault(v => v.Value == "action"));
        var action = actionIndex >= 0 && actionIndex + 1 < values.Length ? values[actionIndex + 1].Value : null;
        var log = actionIndex >= 0 && values.Skip(actionIndex + 2).Any(v => v.Value == "log");
        return new AsaInspectParameter(line.NO() is not null, Lower(line.name), values, action, log, spans.Of(line));
    }

    private AsaTimeoutValue TimeoutValue(Timeout_pairContext pair)
    {
        var span = spans.Of(pair.value);
        int seconds;
        if (pair.value.Type == DEC)
        {
            seconds = ParseInt(pair.value.Text);
        }
        else
        {
            var parts = pair.value.Text.Split(':');
            var hours = ParseInt(parts[0]);
            var minutes = ParseInt(parts[1]);
            var secs = ParseInt(parts[2]);
            if (minutes > 59 || secs > 59 || hours > 1193)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidValue, span, pair.value.Text, "timeout (hh:mm:ss, at most 1193:00:00)");
            }

            seconds = (int)Math.Min(int.MaxValue, ((long)hours * 3600) + ((long)minutes * 60) + secs);
        }

        return new AsaTimeoutValue(Lower(pair.name), new Located<int>(seconds, span), pair.qualifier?.GetText().ToLowerInvariant());
    }

    private AsaFixup BuildFixup(Fixup_lineContext fixup)
    {
        var (protocol, rest) = ProtocolWithSubProtocol(fixup.protocol, fixup._arguments);
        TransportProtocol? transport = null;
        var ports = ImmutableArray.CreateBuilder<Located<PortRange>>();
        var options = ImmutableArray.CreateBuilder<string>();
        var afterOption = false;
        foreach (var argument in rest)
        {
            var text = argument.GetText();
            if (afterOption)
            {
                // The value of the option before it (`maximum-length 512`), not a port.
                options.Add(text);
                afterOption = false;
            }
            else if (text.Equals("tcp", StringComparison.OrdinalIgnoreCase) || text.Equals("udp", StringComparison.OrdinalIgnoreCase))
            {
                transport = text.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? TransportProtocol.Tcp : TransportProtocol.Udp;
            }
            else if (TryPortRange(text, out var range))
            {
                ports.Add(new Located<PortRange>(range, spans.Of(argument)));
            }
            else
            {
                options.Add(text.ToLowerInvariant());
                afterOption = OptionsWithValue.Contains(text);
            }
        }

        return new AsaFixup(fixup.NO() is not null, protocol, transport, ports.ToImmutable(), options.ToImmutable(), spans.Of(fixup));
    }

    // Fixup ports are `N` or `A-B`; a number after an option keyword (`maximum-length 512`) is not a port.
    private static bool TryPortRange(string text, out PortRange range)
    {
        range = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
            {
                range = PortRange.Single(port);
                return true;
            }

            return false;
        }

        if (int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            && low <= high && high <= 65535)
        {
            range = new PortRange(low, high);
            return true;
        }

        return false;
    }

    private AsaPortSpec? Ports(Port_specContext? spec)
    {
        if (spec is null)
        {
            return null;
        }

        var op = spec.GetChild(0).GetText().ToLowerInvariant() switch
        {
            "eq" => AsaPortOperator.Eq,
            "neq" => AsaPortOperator.Neq,
            "lt" => AsaPortOperator.Lt,
            "gt" => AsaPortOperator.Gt,
            _ => AsaPortOperator.Range,
        };
        Port_numberContext[] numbers = spec.RANGE() is not null ? [spec.low, spec.high] : [spec.port];
        return new AsaPortSpec(op, [.. numbers.Select(Port)]);
    }

    private Located<int> Port(Port_numberContext port) =>
        AsaPortNames.TryPort(port.GetText(), out var number) ? new Located<int>(number, spans.Of(port)) : _values.Port(port.GetText(), spans.Of(port));

    private AsaNatAddress NatAddress(VariableContext operand)
    {
        var text = Name(operand);
        if (operand.Start.Type == INTERFACE)
        {
            return new AsaNatAddress(AsaNatAddressKind.Interface, text, null);
        }

        if (operand.Start.Type is ANY or ANY4)
        {
            return new AsaNatAddress(AsaNatAddressKind.Any, text, null);
        }

        if (operand.Start.Type == IP_ADDRESS)
        {
            return new AsaNatAddress(AsaNatAddressKind.Address, text, ParseAddress(operand.Start));
        }

        return new AsaNatAddress(AsaNatAddressKind.Object, text, null);
    }

    // `(inside,outside)` → (inside, outside); `(inside)` → (inside, null).
    private (Located<string>? First, Located<string>? Second) InterfacePair(IToken? pair)
    {
        if (pair is null)
        {
            return (null, null);
        }

        var inner = pair.Text[1..^1];
        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        var line = pair.Line;
        var column = pair.Column + 2;
        if (comma < 0)
        {
            return (new Located<string>(inner, new SourceSpan(spans.File, line, column, line, column + inner.Length)), null);
        }

        var first = inner[..comma];
        var second = inner[(comma + 1)..];
        return (
            new Located<string>(first, new SourceSpan(spans.File, line, column, line, column + first.Length)),
            new Located<string>(second, new SourceSpan(spans.File, line, column + comma + 1, line, column + comma + 1 + second.Length)));
    }

    private Located<string> Missing(IToken token) => new(string.Empty, spans.Of(token));

    private static TransportProtocol? Transport(IToken? token) => token?.Type switch
    {
        TCP => TransportProtocol.Tcp,
        UDP => TransportProtocol.Udp,
        SCTP => TransportProtocol.Sctp,
        _ => null,
    };

    private static string Words(ParserRuleContext context)
    {
        var words = new List<string>();
        for (var i = 0; i < context.ChildCount; i++)
        {
            Collect(context.GetChild(i), words);
        }

        return string.Join(' ', words);
    }

    private static void Collect(IParseTree node, List<string> words)
    {
        if (node is ITerminalNode terminal)
        {
            if (terminal.Symbol.Type != NEWLINE)
            {
                words.Add(terminal.GetText().Trim());
            }

            return;
        }

        for (var i = 0; i < node.ChildCount; i++)
        {
            Collect(node.GetChild(i), words);
        }
    }

    private static string Text(ITerminalNode? text) => text?.GetText().Trim() ?? string.Empty;

    private Located<string> Name(VariableContext variable) => new(variable.GetText(), spans.Of(variable));

    private Located<string> Lower(VariableContext variable) => new(variable.GetText().ToLowerInvariant(), spans.Of(variable));

    private Located<int> Int(IToken token) => _values.Int(token);

    private static int ParseInt(string text) => TokenValues.ParseInt(text);

    private Located<Ipv4Address> LocatedAddress(IToken token) => _values.LocatedAddress(token);

    private Ipv4Address ParseAddress(IToken token) => _values.ParseAddress(token);

    private Ipv4Address ParseAddress(IToken token, string text) => _values.ParseAddress(token, text);

    private Ipv4Address Mask(IToken token) => _values.Mask(token);

    private Ipv4Prefix Prefix(IToken address, IToken mask) => _values.Prefix(address, mask);

    private AddressRange Range(IToken first, IToken last) => Range(first, first.Text, last.Text, last);

    private AddressRange Range(IToken token, string first, string last) => Range(token, first, last, token);

    private AddressRange Range(IToken firstToken, string first, string last, IToken lastToken)
    {
        var low = ParseAddress(firstToken, first);
        var high = ParseAddress(lastToken, last);
        if (high.Value < low.Value)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(firstToken, lastToken), $"{first} {last}", "address range (first above last)");
            return AddressRange.Host(low);
        }

        return new AddressRange(low, high);
    }

    private Ipv4Prefix ParsePrefix(IToken token) => _values.ParsePrefix(token);

    private static AddressRange PrefixRange(Ipv4Prefix prefix) =>
        AddressRange.Subnet(prefix.Address, Ipv4Address.FromPrefixLength(prefix.Length));
}
