using Alg.DeviceConsole.Editing;
using Alg.DeviceConsole.Grammar;
using Alg.Grammar.Junos;
using Alg.Policy.Model;
using Antlr4.Runtime;

namespace Alg.DeviceConsole.Dialects;

/// <summary>
/// Juniper Junos: <c>user@host&gt;</c>, <c>configure</c> to <c>user@host#</c>, <c>set</c>/<c>delete</c> lines that change a
/// candidate configuration, <c>commit</c> to make it the running one; <c>run</c> for operational commands.
/// </summary>
internal sealed class JunosProfile : DialectProfile
{
    private static readonly string User = Environment.UserName is { Length: > 0 } name ? name : "root";

    public override Dialect Dialect => Dialect.Junos;

    public override string NegationWord => "delete";

    public override string? AssertionWord => "set";

    public override bool CommitsOnRequest => true;

    public override string ExecPrefix => "run";

    public override Filters.OutputFilter Filters => Alg.DeviceConsole.Filters.OutputFilter.Junos;

    public override string DefaultHostname => "srx";

    public override int GlobalRuleIndex => JunosParser.RULE_global_line;

    public override IReadOnlyList<string[]> SingleValued { get; } =
    [
        ["set", "system", "host-name"], ["set", "interfaces", "*", "unit", "*", "family", "inet", "address"],
    ];

    public override IReadOnlyList<ExecCommand> ExecCommands { get; } =
    [
        new("configure", "Manipulate software configuration information", ExecAction.ConfigureTerminal),
        new("show configuration", "Show the current configuration", ExecAction.ShowRunningConfig),
        new("show security alg status", "ALGs, enabled or disabled, and their counters", ExecAction.ShowAlgs),
        new("show security flow session", "Sessions (flows) and their translations", ExecAction.ShowConnections),
        new("show security nat source summary", "Source NAT: translations and pinholes", ExecAction.ShowNatStatistics),
        new("show alg", "Alg: per-ALG counters", ExecAction.ShowAlgs),
        new("show calls", "Alg: SIP calls and their verdict", ExecAction.ShowCalls),
        new("show history", "Commands typed in this session", ExecAction.ShowHistory),
        new("exit", "Exit the management session", ExecAction.Exit),
        new("quit", "Exit the management session", ExecAction.Exit),
    ];

    public override IReadOnlyList<ExecCommand> ConfigurationCommands { get; } =
    [
        new("commit", "Commit current set of changes", ExecAction.Commit),
        new("commit check", "Check correctness of syntax; do not apply changes", ExecAction.CommitCheck),
        new("rollback", "Roll back to the running configuration", ExecAction.Rollback),
        new("show", "Show the candidate configuration", ExecAction.ShowCandidate),
    ];

    public override string Prompt(string hostname, bool configuring, IReadOnlyList<ContextFrame> context) =>
        $"{User}@{hostname}{(configuring ? "#" : ">")} ";

    protected override ConfigGrammar CreateGrammar() =>
        new(static input => new JunosLexer(input), new JunosParser(new CommonTokenStream(new ListTokenSource([]))));
}
