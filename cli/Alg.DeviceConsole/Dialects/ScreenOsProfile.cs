using Alg.DeviceConsole.Editing;
using Alg.DeviceConsole.Grammar;
using Alg.Grammar.ScreenOs;
using Alg.Policy.Model;
using Antlr4.Runtime;

namespace Alg.DeviceConsole.Dialects;

/// <summary>Juniper ScreenOS: one prompt, <c>host-&gt;</c>; <c>set</c>/<c>unset</c> typed at it; <c>save</c> writes the file.</summary>
internal sealed class ScreenOsProfile : DialectProfile
{
    public override Dialect Dialect => Dialect.ScreenOs;

    public override string NegationWord => "unset";

    public override string? AssertionWord => "set";

    public override bool HasConfigurationMode => false;

    public override string DefaultHostname => "ssg";

    public override int GlobalRuleIndex => ScreenOsParser.RULE_global_line;

    public override IReadOnlyList<string[]> SingleValued { get; } =
    [
        ["set", "hostname"], ["set", "interface", "*", "ip"], ["set", "interface", "*", "zone"], ["set", "alg", "*", "*"],
    ];

    public override IReadOnlyList<ExecCommand> ExecCommands { get; } =
    [
        new("get config", "Current operating configuration", ExecAction.ShowRunningConfig),
        new("get saved-config", "Contents of the configuration file", ExecAction.ShowStartupConfig),
        new("get alg", "ALGs and their counters", ExecAction.ShowAlgs),
        new("get session", "Sessions (flows) and their translations", ExecAction.ShowConnections),
        new("show alg", "Alg: per-ALG counters", ExecAction.ShowAlgs),
        new("show calls", "Alg: SIP calls and their verdict", ExecAction.ShowCalls),
        new("show history", "Commands typed in this session", ExecAction.ShowHistory),
        new("save", "Write the running configuration to the configuration file", ExecAction.WriteMemory),
        new("save config", "Write the running configuration to the configuration file", ExecAction.WriteMemory),
        new("exit", "Leave the console", ExecAction.Exit),
    ];

    public override string Prompt(string hostname, bool configuring, IReadOnlyList<ContextFrame> context)
    {
        if (context.Count == 0)
        {
            return hostname + "-> ";
        }

        var words = ConfigText.Words(context[^1].Header);
        return $"{hostname}({context[^1].Mode.Name}:{(words.Length > 0 ? words[^1].Trim('"') : string.Empty)})-> ";
    }

    protected override ConfigGrammar CreateGrammar() =>
        new(static input => new ScreenOsLexer(input), new ScreenOsParser(new CommonTokenStream(new ListTokenSource([]))));
}
