using Alg.Grammar.Common;
using Alg.Grammar.Junos.Ast;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>A Junos NAT rule while its set lines are read: match and then parts come on separate lines.</summary>
internal sealed class JunosRuleDraft(JunosNatKind kind, string ruleSet, string name, SourceSpan span)
{
    public JunosNatKind Kind { get; } = kind;

    public string RuleSet { get; } = ruleSet;

    public string Name { get; } = name;

    public SourceSpan Span { get; } = span;

    public List<AddressRange> Sources { get; } = [];

    public List<AddressRange> Destinations { get; } = [];

    public List<PortRange> DestinationPorts { get; } = [];

    public string? Action { get; set; }

    public string? Pool { get; set; }

    public List<AddressRange> StaticPrefix { get; } = [];

    // Address-book names are resolved when the whole file is read: zone address books follow `security nat`
    // in the order Junos prints a configuration.
    public List<Located<string>> SourceNames { get; } = [];

    public List<Located<string>> DestinationNames { get; } = [];

    public List<Located<string>> StaticPrefixNames { get; } = [];
}
