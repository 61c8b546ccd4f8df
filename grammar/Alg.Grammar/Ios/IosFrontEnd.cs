using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Antlr4.Runtime;

namespace Alg.Grammar.Ios;

/// <summary>Cisco IOS / IOS-XE: the modes of the configuration CLI and what is modelled or ignored.</summary>
public sealed class IosFrontEnd : LineFrontEnd
{
    internal static readonly ParserMode Global = new("global", IosParser.RULE_global_line, static p => ((IosParser)p).global_line());
    internal static readonly ParserMode Interface = new("interface", IosParser.RULE_interface_line, static p => ((IosParser)p).interface_line());
    internal static readonly ParserMode AccessList = new("access-list", IosParser.RULE_acl_line, static p => ((IosParser)p).acl_line());
    internal static readonly ParserMode RouteMap = new("route-map", IosParser.RULE_route_map_line, static p => ((IosParser)p).route_map_line());
    internal static readonly ParserMode ObjectGroup = new("object-group", IosParser.RULE_object_group_line, static p => ((IosParser)p).object_group_line());
    internal static readonly ParserMode ClassMapInspect = new("class-map", IosParser.RULE_class_map_inspect_line, static p => ((IosParser)p).class_map_inspect_line());
    internal static readonly ParserMode PolicyMapInspect = new("policy-map", IosParser.RULE_policy_map_inspect_line, static p => ((IosParser)p).policy_map_inspect_line());
    internal static readonly ParserMode PolicyMapClass = new("policy-map class", IosParser.RULE_policy_map_inspect_class_line, static p => ((IosParser)p).policy_map_inspect_class_line());
    internal static readonly ParserMode ZonePair = new("zone-pair", IosParser.RULE_zone_pair_line, static p => ((IosParser)p).zone_pair_line());
    internal static readonly ParserMode Router = new("router", IosParser.RULE_router_line, static p => ((IosParser)p).router_line(), IgnoresOtherIndentedLines: true);
    internal static readonly ParserMode Line = new("line", IosParser.RULE_line_line, static p => ((IosParser)p).line_line(), IgnoresOtherIndentedLines: true);
    internal static readonly ParserMode QosPolicyMap = new("policy-map", IosParser.RULE_qos_policy_map_line, static p => ((IosParser)p).qos_policy_map_line(), IgnoresOtherIndentedLines: true);
    internal static readonly ParserMode IpSla = new("ip sla", IosParser.RULE_ip_sla_line, static p => ((IosParser)p).ip_sla_line(), IgnoresOtherIndentedLines: true);
    internal static readonly ParserMode CryptoMap = new("crypto map", IosParser.RULE_crypto_map_line, static p => ((IosParser)p).crypto_map_line(), IgnoresOtherIndentedLines: true);
    internal static readonly ParserMode QosClassMap = new("class-map", IosParser.RULE_qos_class_map_line, static p => ((IosParser)p).qos_class_map_line(), IgnoresOtherIndentedLines: true);
    internal static readonly ParserMode Module = new("module", IosParser.RULE_module_line, static p => ((IosParser)p).module_line(), IgnoresOtherIndentedLines: true);

    private static readonly CommandPrefixTable Ignored = new(IosIgnoredCommands.All);

    private static readonly CommandPrefixTable Modelled = new(
        "access-list", "interface", "hostname", "ip nat", "ip access-list", "ip access-group", "ip inspect", "ip address",
        "class-map type", "policy-map type", "zone-pair", "zone-member", "zone security", "route-map", "object-group network",
        "object-group service", "permit", "deny", "ip prefix-list", "router", "line", "snmp-server community",
        "ip http access-class", "ntp access-group", "policy-map", "ip sla", "module", "crypto map",
        "ip local policy", "class-map");

    public override Dialect Dialect => Dialect.Ios;

    protected override ParserMode GlobalMode => Global;

    protected override CommandPrefixTable IgnoredCommands => Ignored;

    protected override CommandPrefixTable ModelledCommands => Modelled;

    protected override Lexer CreateLexer(ICharStream input) => new IosLexer(input);

    protected override Parser CreateParser(ITokenStream tokens) => new IosParser(tokens);

    protected override LineResult BuildLine(ParserMode mode, ParserRuleContext line, SpanFactory spans, DiagnosticBag diagnostics) =>
        new IosAstBuilder(spans, diagnostics).Build(line);

}
