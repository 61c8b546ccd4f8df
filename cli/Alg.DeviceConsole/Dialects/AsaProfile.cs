using Alg.DeviceConsole.Editing;
using Alg.DeviceConsole.Grammar;
using Alg.Grammar.Asa;
using Alg.Policy.Model;
using Antlr4.Runtime;

namespace Alg.DeviceConsole.Dialects;

/// <summary>Cisco ASA: <c>host#</c>, <c>host(config)#</c>, <c>host(config-pmap)#</c>, <c>host(config-pmap-c)#</c>; show commands work in configuration mode.</summary>
internal sealed class AsaProfile : DialectProfile
{
    private static readonly Dictionary<string, string> ModeNames = new(StringComparer.Ordinal)
    {
        ["interface"] = "config-if",
        ["object network"] = "config-network-object",
        ["object service"] = "config-service-object",
        ["object-group network"] = "config-network",
        ["object-group service"] = "config-service",
        ["object-group protocol"] = "config-protocol",
        ["object-group"] = "config-network",
        ["class-map"] = "config-cmap",
        ["policy-map"] = "config-pmap",
        ["policy-map class"] = "config-pmap-c",
        ["inspect map"] = "config-pmap",
        ["inspect map parameters"] = "config-pmap-p",
        ["inspect map match"] = "config-pmap-c",
    };

    public override Dialect Dialect => Dialect.Asa;

    public override string NegationWord => "no";

    public override bool ShowsInConfigurationMode => true;

    public override string DefaultHostname => "ciscoasa";

    public override int GlobalRuleIndex => AsaParser.RULE_global_line;

    public override IReadOnlyList<string[]> SingleValued { get; } =
    [
        ["hostname"], ["nameif"], ["security-level"], ["ip", "address"], ["description"], ["timeout", "*"],
    ];

    public override IReadOnlyList<ExecCommand> ExecCommands { get; } =
    [
        new("configure terminal", "Enter configuration mode", ExecAction.ConfigureTerminal),
        new("show running-config", "Current operating configuration", ExecAction.ShowRunningConfig, true),
        new("show startup-config", "Contents of the configuration file", ExecAction.ShowStartupConfig, true),
        new("show xlate", "Current translations", ExecAction.ShowXlate, true),
        new("show conn", "Connections", ExecAction.ShowConnections, true),
        new("show service-policy", "Service policies and their inspections", ExecAction.ShowServicePolicy, true),
        new("show service-policy inspect <PROTOCOL>", "One inspection's counters", ExecAction.ShowServicePolicy, true),
        new("show alg", "Alg: per-ALG counters", ExecAction.ShowAlgs, true),
        new("show calls", "Alg: SIP calls and their verdict", ExecAction.ShowCalls, true),
        new("show history", "Commands typed in this session", ExecAction.ShowHistory, true),
        new("write memory", "Write the running configuration to the configuration file", ExecAction.WriteMemory, true),
        new("copy running-config startup-config", "Write the running configuration to the configuration file", ExecAction.WriteMemory, true),
        new("enable", "Privileged mode (this console is always privileged)", ExecAction.Enable),
        new("terminal pager <LINES>", "Screen length (the console never pages)", ExecAction.TerminalSetting, true),
        new("exit", "Leave the console", ExecAction.Exit),
        new("logout", "Leave the console", ExecAction.Exit),
    ];

    public override string Prompt(string hostname, bool configuring, IReadOnlyList<ContextFrame> context)
    {
        if (!configuring)
        {
            return hostname + "# ";
        }

        return context.Count == 0 ? hostname + "(config)# " : $"{hostname}({SubModeName(context[^1], ModeNames)})# ";
    }

    protected override ConfigGrammar CreateGrammar() =>
        new(static input => new AsaLexer(input), new AsaParser(new CommonTokenStream(new ListTokenSource([]))));
}
