using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Antlr4.Runtime;

namespace Alg.Grammar.Junos;

/// <summary>Juniper Junos: one flat mode of set/delete/deactivate/activate lines; the curly-brace form is read as those lines.</summary>
public sealed class JunosFrontEnd : LineFrontEnd
{
    internal static readonly ParserMode Global = new("global", JunosParser.RULE_global_line, static p => ((JunosParser)p).global_line());

    private static readonly CommandPrefixTable Ignored = new(JunosIgnoredCommands.All);

    private static readonly CommandPrefixTable Modelled = new(
        JunosIgnoredCommands.Verbs.SelectMany(verb => new[] { $"{verb} security nat", $"{verb} security alg", $"{verb} interfaces", $"{verb} security zones", $"{verb} system host-name" })
            .Select(words => new CommandPrefix(words)));

    public override Dialect Dialect => Dialect.Junos;

    protected override ParserMode GlobalMode => Global;

    protected override CommandPrefixTable IgnoredCommands => Ignored;

    protected override CommandPrefixTable ModelledCommands => Modelled;

    // Curly-brace Junos is read as the `set` lines `show configuration | display set` prints for it.
    protected override (string Text, SourceMap? Map) Rewrite(string normalized, DiagnosticBag diagnostics, string path) =>
        JunosHierarchyReader.IsHierarchical(normalized) ? JunosHierarchyReader.Flatten(normalized, diagnostics, path) : (normalized, null);

    protected override Lexer CreateLexer(ICharStream input) => new JunosLexer(input);

    protected override Parser CreateParser(ITokenStream tokens) => new JunosParser(tokens);

    protected override LineResult BuildLine(ParserMode mode, ParserRuleContext line, SpanFactory spans, DiagnosticBag diagnostics) =>
        new JunosAstBuilder(spans, diagnostics).Build(line);
}
