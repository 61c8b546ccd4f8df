using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Alg.Grammar.Common;
using Alg.Grammar.Ios.Ast;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Antlr4.Runtime;
using static Alg.Grammar.Ios.IosParser;

namespace Alg.Grammar.Ios;

/// <summary>Turns one parsed IOS line into its AST statement. ANTLR contexts go no further than this class.</summary>
internal sealed class IosAstBuilder(SpanFactory spans, DiagnosticBag diagnostics)
{
    private readonly TokenValues _values = new(spans, diagnostics);

    public LineResult Build(ParserRuleContext line) => line switch
    {
        Global_lineContext global => BuildGlobal(global),
        Interface_lineContext child => LineResult.Of(BuildInterfaceLine(child)),
        Acl_lineContext child => LineResult.Of(BuildAclLine(child)),
        Route_map_lineContext child => LineResult.Of(BuildRouteMapLine(child)),
        Object_group_lineContext child => LineResult.Of(BuildObjectGroupLine(child)),
        Class_map_inspect_lineContext child => LineResult.Of(BuildClassMapLine(child)),
        Policy_map_inspect_lineContext child => BuildPolicyMapLine(child),
        Policy_map_inspect_class_lineContext child => LineResult.Of(new IosPolicyMapAction(child.GetChild(0).GetText().ToLowerInvariant(), spans.Of(child))),
        Zone_pair_lineContext child => LineResult.Of(new IosZonePairPolicy(Name(child.policy), spans.Of(child))),
        Router_lineContext child => LineResult.Of(BuildRouterLine(child)),
        Line_lineContext child => LineResult.Of(new IosStructureUse(IosStructureKind.AccessList, Name(child.acl), "access-class", spans.Of(child))),
        Qos_policy_map_lineContext child => LineResult.Of(new IosInertSetting(Words(child), "a nested QoS policy", spans.Of(child))),
        Ip_sla_lineContext child => LineResult.Of(new IosInertSetting(Words(child), "an IP SLA probe's wait for its reply", spans.Of(child))),
        Qos_class_map_lineContext child => LineResult.Of(new IosStructureUse(
            IosStructureKind.AccessList, child.acl is not null ? Name(child.acl) : new Located<string>(child.number.Text, spans.Of(child.number)), "match access-group", spans.Of(child))),
        Crypto_map_lineContext child => LineResult.Of(new IosStructureUse(IosStructureKind.AccessList, Name(child.acl), "match address", spans.Of(child))),
        Module_static_natContext child => LineResult.Of(new IosModuleNat(Words(child), spans.Of(child))),
        Module_vlan_addressContext child => LineResult.Of(new IosInertSetting(Words(child), "the address of a line card's VLAN", spans.Of(child))),
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
            case Hostname_lineContext hostname:
                return LineResult.Of(new IosHostname(Name(hostname.name), span));
            case Interface_headerContext header:
                var interfaceName = Name(header.name);
                return LineResult.Block(IosFrontEnd.Interface, children => new IosInterface(interfaceName, span, children));
            case Numbered_acl_lineContext numbered:
                return BuildNumberedAcl(numbered);
            case Named_acl_headerContext named:
                var aclName = Name(named.name);
                var kind = named.kind.Type == STANDARD ? IosAclKind.Standard : IosAclKind.Extended;
                if (named.NO() is not null)
                {
                    // `no ip access-list extended NAME` deletes the whole list (aerleon writes it before each list).
                    return LineResult.Of(new IosAccessList(aclName, kind, false, span, [new IosAclDelete(null, span)]));
                }

                return LineResult.Block(IosFrontEnd.AccessList, children => new IosAccessList(aclName, kind, false, span, children));
            case Nat_pool_lineContext pool:
                return LineResult.Of(BuildPool(pool));
            case Nat_dynamic_lineContext dynamic:
                return LineResult.Of(BuildDynamic(dynamic));
            case Nat_static_lineContext staticRule:
                return LineResult.Of(BuildStatic(staticRule));
            case Nat_service_lineContext service:
                return LineResult.Of(new IosNatService(
                    service.NO() is not null,
                    service.acl is null ? null : Name(service.acl),
                    Name(service.alg),
                    Transport(service.protocol),
                    service.port is null ? null : Int(service.port),
                    [.. service._flags.Select(Name)],
                    span));
            case Nat_translation_lineContext translation:
                return LineResult.Of(BuildTranslation(translation));
            case Route_map_headerContext routeMap:
                var mapName = Name(routeMap.name);
                var action = routeMap.action?.Type == DENY ? AclAction.Deny : AclAction.Permit;
                var sequence = routeMap.sequence is null ? 10 : ParseInt(routeMap.sequence.Text);
                return LineResult.Block(IosFrontEnd.RouteMap, children => new IosRouteMap(mapName, action, sequence, span, children));
            case Object_group_headerContext group:
                var groupName = Name(group.name);
                var network = group.kind.Type == NETWORK;
                return LineResult.Block(IosFrontEnd.ObjectGroup, children => new IosObjectGroup(groupName, network, span, children));
            case Ip_inspect_lineContext inspect:
                return LineResult.Of(inspect switch
                {
                    Cbac_ruleContext rule => new IosInspectRule(Name(rule.name), Name(rule.protocol), rule.NO() is not null, span),
                    Cbac_settingContext setting => new IosInspectSetting(setting.setting.GetText(), setting.NO() is not null, span),
                    _ => throw new InvalidOperationException(),
                });
            case Class_map_inspect_headerContext classMap:
                var className = Name(classMap.name);
                return LineResult.Block(IosFrontEnd.ClassMapInspect, children => new IosClassMapInspect(className, span, children));
            case Policy_map_inspect_headerContext policyMap:
                var policyName = Name(policyMap.name);
                return LineResult.Block(IosFrontEnd.PolicyMapInspect, children => new IosPolicyMapInspect(policyName, span, children));
            case Banner_lineContext banner:
                return LineResult.Of(new IosBanner(banner.BANNER().GetText(), span));
            case Zone_lineContext zone:
                return LineResult.Of(new IosZone(Name(zone.name), span));
            case Prefix_list_lineContext prefixList:
                return LineResult.Of(new IosPrefixList(Name(prefixList.name), prefixList.NO() is not null, span));
            case Router_headerContext router:
                return SettingsBlock(IosFrontEnd.Router, router, span);
            case Line_headerContext terminalLine:
                return SettingsBlock(IosFrontEnd.Line, terminalLine, span);
            case Qos_policy_map_headerContext qos:
                return SettingsBlock(IosFrontEnd.QosPolicyMap, qos, span);
            case Ip_sla_headerContext sla:
                return SettingsBlock(IosFrontEnd.IpSla, sla, span);
            case Module_headerContext module:
                return SettingsBlock(IosFrontEnd.Module, module, span);
            case Qos_class_map_headerContext qosClass:
                return SettingsBlock(IosFrontEnd.QosClassMap, qosClass, span);
            case Local_policy_lineContext localPolicy:
                return LineResult.Of(new IosStructureUse(IosStructureKind.RouteMap, Name(localPolicy.map), "ip local policy", span));
            case Crypto_map_headerContext cryptoMap:
                return SettingsBlock(IosFrontEnd.CryptoMap, cryptoMap, span);
            case Snmp_community_lineContext snmp:
                return Uses(SnmpCommunityAcl(snmp), "snmp-server community", span);
            case Http_access_class_lineContext http:
                return Uses(AclAfterKeywords(http._words, ["ipv4"], skipWords: 0), "ip http access-class", span);
            case Ntp_access_group_lineContext ntp:
                // ntp access-group [ipv4] {peer|serve|serve-only|query-only} ACL [kod]
                return Uses(AclAfterKeywords(ntp._words, ["ipv4"], skipWords: 1), "ntp access-group", span);
            case Zone_pair_headerContext pair:
                var pairName = Name(pair.name);
                var source = Name(pair.source);
                var destination = Name(pair.destination);
                return LineResult.Block(IosFrontEnd.ZonePair, children => new IosZonePair(pairName, source, destination, span, children));
            default:
                throw new InvalidOperationException($"no builder for {child.GetType().Name}");
        }
    }

    private static LineResult SettingsBlock(ParserMode mode, ParserRuleContext header, Alg.Policy.Text.SourceSpan span)
    {
        var text = Words(header);
        return LineResult.Block(mode, children => new IosSettingsBlock(text, span, children));
    }

    private static string Words(ParserRuleContext line) =>
        string.Join(' ', Enumerable.Range(0, line.ChildCount).Select(i => line.GetChild(i).GetText()).Where(t => t.Trim().Length > 0));

    private static LineResult Uses(Located<string>? acl, string usage, Alg.Policy.Text.SourceSpan span) =>
        LineResult.Of(acl is { } name ? new IosStructureUse(IosStructureKind.AccessList, name, usage, span) : new IosInertSetting(usage, "no access list", span));

    // snmp-server community STRING [view NAME] [ro|rw] [ipv6 NACL] [ACL]
    private Located<string>? SnmpCommunityAcl(Snmp_community_lineContext line)
    {
        var words = line._words;
        for (var i = 0; i < words.Count; i++)
        {
            switch (words[i].GetText().ToLowerInvariant())
            {
                case "view" or "ipv6":
                    i++;
                    break;
                case "ro" or "rw":
                    break;
                default:
                    return Name(words[i]);
            }
        }

        return null;
    }

    // The ACL of `ip http access-class` and `ntp access-group`: after an optional address family and, for NTP,
    // the kind of access. An IPv6 list (`ipv6`) is another namespace, which Alg does not read.
    private Located<string>? AclAfterKeywords(IList<VariableContext> words, string[] optional, int skipWords)
    {
        var i = 0;
        if (i < words.Count && string.Equals(words[i].GetText(), "ipv6", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (i < words.Count && optional.Contains(words[i].GetText().ToLowerInvariant()))
        {
            i++;
        }

        i += skipWords;
        return i < words.Count ? Name(words[i]) : null;
    }

    private Statement BuildRouterLine(Router_lineContext line)
    {
        var span = spans.Of(line);
        var usage = Words(line);
        usage = usage.Length <= 60 ? usage : usage[..57] + "...";
        return line switch
        {
            Router_route_mapContext map => new IosStructureUse(IosStructureKind.RouteMap, Name(map.map), usage, span),
            Router_prefix_listContext list => new IosStructureUse(IosStructureKind.PrefixList, Name(list.list), usage, span),
            Router_aclContext acl => new IosStructureUse(IosStructureKind.AccessList, Name(acl.acl), usage, span),
            _ => throw new InvalidOperationException(),
        };
    }

    private LineResult BuildSession(Session_lineContext session)
    {
        var span = spans.Of(session);
        var text = session.GetText();
        return session switch
        {
            Session_configureContext => LineResult.Of(new SessionCommand(SessionCommandKind.Configure, text, span)),
            Session_endContext => new LineResult(new SessionCommand(SessionCommandKind.End, text, span), Exit: LineResult.ExitAll),
            Session_exitContext => new LineResult(new SessionCommand(SessionCommandKind.Exit, text, span), Exit: 1),
            Session_enableContext => LineResult.Of(new SessionCommand(SessionCommandKind.Enable, text, span)),
            Session_execContext exec => LineResult.Of(new SessionCommand(SessionCommandKind.Exec, ExecText(exec), span)),
            Session_passwordContext => LineResult.Of(new SessionCommand(SessionCommandKind.Password, "Password:", span)),
            _ => throw new InvalidOperationException(),
        };
    }

    private static string ExecText(Session_execContext exec) =>
        (exec.GetChild(0).GetText() + " " + (exec.TEXT()?.GetText().Trim() ?? string.Empty)).Trim();

    private Statement BuildInterfaceLine(Interface_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            If_ip_addressContext address => new IosInterfaceAddress(
                Prefix(address.address, address.mask), false, address.SECONDARY() is not null, span),
            If_ip_address_prefixContext prefix => new IosInterfaceAddress(ParsePrefix(prefix.prefix), false, prefix.SECONDARY() is not null, span),
            If_ip_address_dynamicContext => new IosInterfaceAddress(null, true, false, span),
            If_no_ip_addressContext => new IosInterfaceAddress(null, false, false, span),
            If_ip_natContext nat => new IosInterfaceNat(
                nat.role.Type switch { INSIDE => IosNatRole.Inside, OUTSIDE => IosNatRole.Outside, _ => IosNatRole.Enable },
                nat.NO() is not null,
                span),
            If_access_groupContext group => new IosInterfaceAccessGroup(Name(group.acl), group.direction.Type == IN, group.NO() is not null, span),
            If_descriptionContext description => new IosInterfaceDescription(description.TEXT()?.GetText().Trim() ?? string.Empty, span),
            If_shutdownContext shutdown => new IosInterfaceShutdown(shutdown.NO() is not null, span),
            If_ip_inspectContext inspect => new IosInterfaceInspect(Name(inspect.name), inspect.direction.Type == IN, inspect.NO() is not null, span),
            If_zone_memberContext zone => new IosInterfaceZoneMember(Name(zone.zone), zone.NO() is not null, span),
            If_vrfContext vrf => new IosInterfaceVrf(vrf.vrf.GetText(), span),
            If_qos_policyContext qos => new IosInertSetting(Words(qos), "a QoS policy", span),
            If_policy_route_mapContext policy => new IosStructureUse(IosStructureKind.RouteMap, Name(policy.map), "ip policy", span),
            If_unnumberedContext unnumbered => new IosInterfaceUnnumbered(Name(unnumbered.source), span),
            If_crypto_mapContext crypto => new IosInertSetting(Words(crypto), "the IPsec crypto map of the interface", span),
            _ => throw new InvalidOperationException(),
        };
    }

    private LineResult BuildNumberedAcl(Numbered_acl_lineContext line)
    {
        var span = spans.Of(line);
        var name = new Located<string>(line.number.Text, spans.Of(line.number));
        var number = ParseInt(line.number.Text);
        var kind = number is (>= 1 and <= 99) or (>= 1300 and <= 1999) ? IosAclKind.Standard : IosAclKind.Extended;
        Statement entry;
        if (line.acl_rule() is { } rule)
        {
            entry = BuildRule(rule, null, span);
        }
        else if (line.REMARK() is not null)
        {
            entry = new IosAclRemark(line.TEXT()?.GetText().Trim() ?? string.Empty, span);
        }
        else
        {
            entry = new IosAclDelete(null, span);
        }

        // Each numbered line is a one-entry list; the binder appends lines with the same number in order.
        return LineResult.Of(new IosAccessList(name, kind, true, span, [entry]));
    }

    private Statement BuildAclLine(Acl_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            Acl_entryContext entry => BuildRule(entry.acl_rule(), entry.sequence is null ? null : ParseInt(entry.sequence.Text), span),
            Acl_remarkContext remark => new IosAclRemark(remark.TEXT()?.GetText().Trim() ?? string.Empty, span),
            Acl_deleteContext delete => new IosAclDelete(ParseInt(delete.sequence.Text), span),
            _ => throw new InvalidOperationException(),
        };
    }

    private IosAclEntry BuildRule(Acl_ruleContext rule, int? sequence, Alg.Policy.Text.SourceSpan span)
    {
        switch (rule)
        {
            case Acl_extended_ruleContext extended:
                var options = Options(extended._options);
                return new IosAclEntry(
                    sequence,
                    extended.action.Type == PERMIT ? AclAction.Permit : AclAction.Deny,
                    Protocol(extended.protocol),
                    Address(extended.source),
                    Ports(extended.source_ports),
                    Address(extended.destination),
                    Ports(extended.destination_ports),
                    options.Contains("established"),
                    options,
                    span);
            case Acl_standard_ruleContext standard:
                return new IosAclEntry(
                    sequence,
                    standard.action.Type == PERMIT ? AclAction.Permit : AclAction.Deny,
                    null,
                    Address(standard.source),
                    null,
                    null,
                    null,
                    false,
                    Options(standard._options),
                    span);
            default:
                throw new InvalidOperationException();
        }
    }

    private IosAclProtocol Protocol(Acl_protocolContext protocol)
    {
        if (protocol.OBJECT_GROUP() is not null)
        {
            return new IosAclProtocol(null, Name(protocol.name), protocol.GetText());
        }

        var text = protocol.GetText();
        if (!WellKnownPorts.TryProtocol(text, out var number))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(protocol), text, "IP protocol" + Suggestions.DidYouMean(text, WellKnownPorts.ProtocolNames));
        }

        return new IosAclProtocol(number, null, text.ToLowerInvariant());
    }

    private IosAclAddress Address(Acl_addressContext address)
    {
        if (address.ANY() is not null)
        {
            return new IosAclAddress(AddressMatch.Any, null);
        }

        if (address.OBJECT_GROUP() is not null)
        {
            return new IosAclAddress(null, Name(address.name));
        }

        if (address.prefix is not null)
        {
            var prefix = ParsePrefix(address.prefix);
            return new IosAclAddress(new AddressMatch(prefix.Network, ~Ipv4Address.FromPrefixLength(prefix.Length).Value), null);
        }

        var ip = ParseAddress(address.address);
        var wildcard = address.wildcard is null ? 0u : ParseAddress(address.wildcard).Value;
        return new IosAclAddress(new AddressMatch(new Ipv4Address(ip.Value & ~wildcard), wildcard), null);
    }

    private IosPortSpec? Ports(Port_specContext? spec)
    {
        if (spec is null)
        {
            return null;
        }

        var op = spec.GetChild(0).GetText().ToLowerInvariant() switch
        {
            "eq" => IosPortOperator.Eq,
            "neq" => IosPortOperator.Neq,
            "lt" => IosPortOperator.Lt,
            "gt" => IosPortOperator.Gt,
            _ => IosPortOperator.Range,
        };
        if (spec.low is not null && spec.high is not null)
        {
            return new IosPortSpec(op, [Port(spec.low), Port(spec.high)]);
        }

        var ports = new Located<int>[spec._ports.Count];
        for (var i = 0; i < ports.Length; i++)
        {
            ports[i] = Port(spec._ports[i]);
        }

        return new IosPortSpec(op, ImmutableCollectionsMarshal.AsImmutableArray(ports));
    }

    private Located<int> Port(IToken port) => _values.Port(port.Text, spans.Of(port));

    private static ImmutableArray<string> Options(IList<IToken> words)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var options = new string[words.Count];
        for (var i = 0; i < options.Length; i++)
        {
            options[i] = words[i].Text.ToLowerInvariant();
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(options);
    }

    private Statement BuildRouteMapLine(Route_map_lineContext line) => line switch
    {
        Rm_match_aclContext match => new IosRouteMapMatch([.. match._acls.Select(a => new Located<string>(a.GetText(), spans.Of(a)))], spans.Of(line)),
        Rm_match_prefix_listContext match => new IosRouteMapMatch([.. match._lists.Select(Name)], spans.Of(line), PrefixLists: true),
        Rm_match_otherContext => new IosInertSetting(Words(line), "a route attribute match", spans.Of(line)),
        Rm_descriptionContext => new IosAclRemark(line.GetText(), spans.Of(line)),
        _ => throw new InvalidOperationException(),
    };

    private Statement BuildObjectGroupLine(Object_group_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            Og_hostContext host => new IosObjectGroupMember(AddressRange.Host(ParseAddress(host.address)), null, null, null, span),
            Og_subnetContext subnet => new IosObjectGroupMember(AddressRange.Subnet(ParseAddress(subnet.address), ParseAddress(subnet.mask)), null, null, null, span),
            Og_prefixContext prefix => new IosObjectGroupMember(PrefixRange(ParsePrefix(prefix.prefix)), null, null, null, span),
            Og_rangeContext range => new IosObjectGroupMember(new AddressRange(ParseAddress(range.first), ParseAddress(range.last)), null, null, null, span),
            Og_groupContext group => new IosObjectGroupMember(null, Name(group.name), null, null, span),
            Og_serviceContext service => new IosObjectGroupMember(null, null, Transport(service.protocol), Ports(service.port_spec()), span),
            Og_icmpContext => new IosObjectGroupMember(null, null, null, null, span),
            Og_descriptionContext description => new IosAclRemark(description.TEXT()?.GetText().Trim() ?? string.Empty, span),
            _ => throw new InvalidOperationException(),
        };
    }

    private Statement BuildClassMapLine(Class_map_inspect_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            Cmi_match_aclContext acl => new IosClassMapMatch(
                acl.acl is not null ? Name(acl.acl) : new Located<string>(acl.number.Text, spans.Of(acl.number)), null, span),
            Cmi_match_protocolContext protocol => new IosClassMapMatch(null, string.Join(' ', protocol.variable().Select(v => v.GetText())), span),
            Cmi_descriptionContext description => new IosAclRemark(description.TEXT()?.GetText().Trim() ?? string.Empty, span),
            _ => throw new InvalidOperationException(),
        };
    }

    private LineResult BuildPolicyMapLine(Policy_map_inspect_lineContext line)
    {
        var span = spans.Of(line);
        var name = line switch
        {
            Pmi_classContext typed => Name(typed.name),
            Pmi_class_defaultContext plain => Name(plain.name),
            _ => throw new InvalidOperationException(),
        };
        return LineResult.Block(IosFrontEnd.PolicyMapClass, children => new IosPolicyMapClass(name, span, children));
    }

    private IosNatPool BuildPool(Nat_pool_lineContext pool)
    {
        var mask = pool.pool_mask();
        return new IosNatPool(
            Name(pool.name),
            LocatedAddress(pool.start),
            pool.end is null ? null : LocatedAddress(pool.end),
            mask?.mask is null ? null : ParseAddress(mask.mask),
            mask?.length is null ? null : Int(mask.length),
            pool.pool_option().FirstOrDefault(o => o.TYPE() is not null)?.variable().GetText(),
            spans.Of(pool));
    }

    private IosNatDynamic BuildDynamic(Nat_dynamic_lineContext rule)
    {
        var options = rule.nat_dynamic_option();
        return new IosNatDynamic(
            rule.NO() is not null,
            rule.side.Type == INSIDE,
            rule.direction.Type == DESTINATION,
            rule.acl is null ? null : Name(rule.acl),
            rule.route_map is null ? null : Name(rule.route_map),
            rule.pool is null ? null : Name(rule.pool),
            rule.interface_name is null ? null : Name(rule.interface_name),
            options.Any(o => o.OVERLOAD() is not null),
            options.FirstOrDefault(o => o.VRF() is not null)?.vrf.GetText(),
            [.. options.Where(o => o.OVERLOAD() is null && o.VRF() is null).Select(o => o.GetText().ToLowerInvariant())],
            spans.Of(rule));
    }

    private IosNatStatic BuildStatic(Nat_static_lineContext rule)
    {
        var options = rule.nat_static_option();
        var words = options.Select(o => o.GetText().ToLowerInvariant()).ToList();
        var body = rule.nat_static_body();
        IosStaticKind kind;
        TransportProtocol? protocol = null;
        Located<Ipv4Address> local;
        Located<int>? localPort = null;
        Located<Ipv4Address>? global = null;
        Located<string>? interfaceName = null;
        Located<int>? globalPort = null;
        Ipv4Address? mask = null;
        switch (body)
        {
            case Nat_static_portContext port:
                kind = IosStaticKind.Port;
                protocol = Transport(port.protocol);
                local = LocatedAddress(port.local);
                localPort = Int(port.local_port);
                global = port.global is null ? null : LocatedAddress(port.global);
                interfaceName = port.interface_name is null ? null : Name(port.interface_name);
                globalPort = Int(port.global_port);
                break;
            case Nat_static_networkContext network:
                kind = IosStaticKind.Network;
                local = LocatedAddress(network.local);
                global = LocatedAddress(network.global);
                mask = network.mask is not null ? ParseAddress(network.mask)
                    : network.length is not null ? Ipv4Address.FromPrefixLength(ParseInt(network.length.Text))
                    : Ipv4Address.FromPrefixLength(ParseInt(network.slash.Text.TrimStart('/')));
                break;
            case Nat_static_hostContext host:
                kind = IosStaticKind.Host;
                local = LocatedAddress(host.local);
                global = LocatedAddress(host.global);
                break;
            case Nat_static_host_interfaceContext hostInterface:
                kind = IosStaticKind.Host;
                local = LocatedAddress(hostInterface.local);
                interfaceName = Name(hostInterface.interface_name);
                break;
            default:
                throw new InvalidOperationException();
        }

        var routeMap = options.FirstOrDefault(o => o.ROUTE_MAP() is not null);
        return new IosNatStatic(
            rule.NO() is not null,
            rule.side.Type == INSIDE,
            kind,
            protocol,
            local,
            localPort,
            global,
            interfaceName,
            globalPort,
            mask,
            words.Contains("extendable"),
            words.Contains("no-alias"),
            words.Contains("no-payload"),
            routeMap is null ? null : Name(routeMap.route_map),
            options.FirstOrDefault(o => o.VRF() is not null)?.vrf.GetText(),
            [.. words],
            spans.Of(rule));
    }

    private Statement BuildTranslation(Nat_translation_lineContext line)
    {
        var span = spans.Of(line);
        return line switch
        {
            Nat_max_entriesContext max => new IosNatMaxEntries(
                max.NO() is not null,
                max.host is null ? null : LocatedAddress(max.host),
                max.acl is null ? null : Name(max.acl),
                max.scope?.GetText().ToLowerInvariant(),
                max.limit is null ? null : Long(max.limit),
                span),
            Nat_port_timeoutContext port => new IosNatPortTimeout(
                port.NO() is not null,
                port.protocol.Type == TCP ? TransportProtocol.Tcp : TransportProtocol.Udp,
                Int(port.port),
                port.seconds is null ? null : Long(port.seconds),
                port.NEVER() is not null,
                span),
            Nat_timerContext timer => new IosNatTimer(
                timer.NO() is not null,
                new Located<string>(timer.timer.GetText().ToLowerInvariant(), spans.Of(timer.timer)),
                timer.seconds is null ? null : Long(timer.seconds),
                timer.NEVER() is not null,
                span),
            _ => throw new InvalidOperationException(),
        };
    }

    private static TransportProtocol? Transport(IToken? token) => token?.Type switch
    {
        TCP => TransportProtocol.Tcp,
        UDP => TransportProtocol.Udp,
        _ => null,
    };

    private Located<string> Name(VariableContext variable) => new(variable.GetText(), spans.Of(variable));

    private Located<int> Int(IToken token) => _values.Int(token);

    private Located<long> Long(IToken token) => _values.Long(token);

    private static int ParseInt(string text) => TokenValues.ParseInt(text);

    private Located<Ipv4Address> LocatedAddress(IToken token) => _values.LocatedAddress(token);

    private Ipv4Address ParseAddress(IToken token) => _values.ParseAddress(token);

    private Ipv4Prefix Prefix(IToken address, IToken mask) => _values.Prefix(address, mask);

    private Ipv4Prefix ParsePrefix(IToken token) => _values.ParsePrefix(token);

    private static AddressRange PrefixRange(Ipv4Prefix prefix) =>
        AddressRange.Subnet(prefix.Address, Ipv4Address.FromPrefixLength(prefix.Length));
}
