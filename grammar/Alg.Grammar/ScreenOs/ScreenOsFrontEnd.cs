using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Antlr4.Runtime;

namespace Alg.Grammar.ScreenOs;

/// <summary>Juniper ScreenOS: a flat list of set/unset commands, with policy and vrouter contexts left by <c>exit</c>.</summary>
public sealed class ScreenOsFrontEnd : LineFrontEnd
{
    internal static readonly ParserMode Global = new("global", ScreenOsParser.RULE_global_line, static p => ((ScreenOsParser)p).global_line());
    internal static readonly ParserMode PolicyContext = new("policy", ScreenOsParser.RULE_policy_context_line, static p => ((ScreenOsParser)p).policy_context_line());
    internal static readonly ParserMode VrouterContext = new("vrouter", ScreenOsParser.RULE_vrouter_context_line, static p => ((ScreenOsParser)p).vrouter_context_line());

    private static readonly CommandPrefixTable Ignored = new(ScreenOsIgnoredCommands.All);

    private static readonly CommandPrefixTable Modelled = new(
        "set alg", "unset alg", "set interface", "unset interface", "set policy", "unset policy", "set address", "set zone",
        "set hostname", "unset address", "unset zone");

    public override Dialect Dialect => Dialect.ScreenOs;

    protected override ParserMode GlobalMode => Global;

    protected override CommandPrefixTable IgnoredCommands => Ignored;

    protected override CommandPrefixTable ModelledCommands => Modelled;

    protected override Lexer CreateLexer(ICharStream input) => new ScreenOsLexer(input);

    protected override Parser CreateParser(ITokenStream tokens) => new ScreenOsParser(tokens);

    protected override LineResult BuildLine(ParserMode mode, ParserRuleContext line, SpanFactory spans, DiagnosticBag diagnostics) =>
        new ScreenOsAstBuilder(spans, diagnostics).Build(line);
}
