using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Antlr4.Runtime;

namespace Alg.Grammar.Asa;

/// <summary>Cisco ASA (and PIX / FWSM): the modes of the configuration CLI and what is modelled or ignored.</summary>
public sealed class AsaFrontEnd : LineFrontEnd
{
    internal static readonly ParserMode Global = new("global", AsaParser.RULE_global_line, static p => ((AsaParser)p).global_line());
    internal static readonly ParserMode Interface = new("interface", AsaParser.RULE_interface_line, static p => ((AsaParser)p).interface_line());
    internal static readonly ParserMode ObjectNetwork = new("object network", AsaParser.RULE_object_network_line, static p => ((AsaParser)p).object_network_line());
    internal static readonly ParserMode ObjectService = new("object service", AsaParser.RULE_object_service_line, static p => ((AsaParser)p).object_service_line());
    internal static readonly ParserMode ObjectGroup = new("object-group", AsaParser.RULE_object_group_line, static p => ((AsaParser)p).object_group_line());
    internal static readonly ParserMode ClassMap = new("class-map", AsaParser.RULE_class_map_line, static p => ((AsaParser)p).class_map_line());
    internal static readonly ParserMode PolicyMap = new("policy-map", AsaParser.RULE_policy_map_line, static p => ((AsaParser)p).policy_map_line());
    internal static readonly ParserMode PolicyClass = new("policy-map class", AsaParser.RULE_policy_class_line, static p => ((AsaParser)p).policy_class_line());
    internal static readonly ParserMode InspectMap = new("inspect map", AsaParser.RULE_inspect_map_line, static p => ((AsaParser)p).inspect_map_line());
    internal static readonly ParserMode InspectParameters = new("inspect map parameters", AsaParser.RULE_inspect_parameter_line, static p => ((AsaParser)p).inspect_parameter_line());
    internal static readonly ParserMode InspectMatch = new("inspect map match", AsaParser.RULE_inspect_action_line, static p => ((AsaParser)p).inspect_action_line());

    private static readonly CommandPrefixTable Ignored = new(AsaIgnoredCommands.All);

    // A line starting with one of these that no mode accepts is an error: skipping it would change the policy.
    private static readonly CommandPrefixTable Modelled = new(
        "access-list", "access-group", "nat", "static", "global", "object network", "object service", "object-group",
        "class-map", "policy-map", "class", "inspect", "service-policy", "timeout", "sunrpc-server", "fixup", "match", "parameters",
        "interface", "nameif", "security-level", "ip address", "hostname", "name");

    public override Dialect Dialect => Dialect.Asa;

    protected override ParserMode GlobalMode => Global;

    protected override CommandPrefixTable IgnoredCommands => Ignored;

    protected override CommandPrefixTable ModelledCommands => Modelled;

    protected override Lexer CreateLexer(ICharStream input) => new AsaLexer(input);

    protected override Parser CreateParser(ITokenStream tokens) => new AsaParser(tokens);

    // The parser remembers service groups from line to line (AsaParser.Predicates.cs).
    protected override bool ReadsAsAfter(Parser later, Parser earlier) => ((AsaParser)later).ReadsAsAfter((AsaParser)earlier);

    protected override LineResult BuildLine(ParserMode mode, ParserRuleContext line, SpanFactory spans, DiagnosticBag diagnostics) =>
        new AsaAstBuilder(spans, diagnostics).Build(line);
}
