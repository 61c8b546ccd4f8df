using Alg.DeviceConsole.Editing;
using Alg.DeviceConsole.Grammar;
using Alg.Grammar.Ios;
using Alg.Policy.Model;
using Antlr4.Runtime;

namespace Alg.DeviceConsole.Dialects;

/// <summary>Cisco IOS: <c>host#</c>, <c>host(config)#</c>, <c>host(config-if)#</c>; <c>do</c> runs exec commands in configuration mode.</summary>
internal sealed class IosProfile : DialectProfile
{
    private static readonly Dictionary<string, string> ModeNames = new(StringComparer.Ordinal)
    {
        ["interface"] = "config-if",
        ["access-list standard"] = "config-std-nacl",
        ["access-list extended"] = "config-ext-nacl",
        ["access-list"] = "config-acl",
        ["route-map"] = "config-route-map",
        ["object-group network"] = "config-network-group",
        ["object-group service"] = "config-service-group",
        ["class-map"] = "config-cmap",
        ["policy-map"] = "config-pmap",
        ["policy-map class"] = "config-pmap-c",
        ["zone-pair"] = "config-sec-zone-pair",
        ["router"] = "config-router",
        ["line"] = "config-line",
        ["ip sla"] = "config-ip-sla",
        ["crypto map"] = "config-crypto-map",
        ["module"] = "config-module",
    };

    public override Dialect Dialect => Dialect.Ios;

    public override string NegationWord => "no";

    public override string DefaultHostname => "Router";

    public override int GlobalRuleIndex => IosParser.RULE_global_line;

    public override IReadOnlyList<string[]> SingleValued { get; } =
    [
        ["hostname"], ["ip", "address"], ["description"], ["ip", "nat", "translation", "*"], ["ip", "nat", "pool", "*"],
        ["ip", "access-group", "*", "*"],
    ];

    public override IReadOnlyList<ExecCommand> ExecCommands { get; } =
    [
        new("configure terminal", "Enter configuration mode", ExecAction.ConfigureTerminal),
        new("show running-config", "Current operating configuration", ExecAction.ShowRunningConfig),
        new("show startup-config", "Contents of the configuration file", ExecAction.ShowStartupConfig),
        new("show ip nat translations", "Translation entries", ExecAction.ShowTranslations),
        new("show ip nat translations verbose", "Translation entries, with timers and flags", ExecAction.ShowTranslationsVerbose),
        new("show ip nat statistics", "Translation statistics", ExecAction.ShowNatStatistics),
        new("show alg", "Alg: per-ALG counters", ExecAction.ShowAlgs),
        new("show calls", "Alg: SIP calls and their verdict", ExecAction.ShowCalls),
        new("show history", "Commands typed in this session", ExecAction.ShowHistory),
        new("write memory", "Write the running configuration to the configuration file", ExecAction.WriteMemory),
        new("write", "Write the running configuration to the configuration file", ExecAction.WriteMemory),
        new("copy running-config startup-config", "Write the running configuration to the configuration file", ExecAction.WriteMemory),
        new("enable", "Privileged mode (this console is always privileged)", ExecAction.Enable),
        new("terminal length <LINES>", "Screen length (the console never pages)", ExecAction.TerminalSetting),
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
        new(static input => new IosLexer(input), new IosParser(new CommonTokenStream(new ListTokenSource([]))));
}
