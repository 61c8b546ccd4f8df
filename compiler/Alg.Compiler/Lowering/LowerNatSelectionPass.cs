using Alg.Policy.Model;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Orders the active inside-source NAT rules the way a new flow tries them — port forwards, then static
/// mappings, then dynamic rules, each group in configuration order — and records what selects each: its
/// real addresses, its match ACL, and for a port forward the transport and real port.
/// </summary>
public sealed class LowerNatSelectionPass : ILoweringPass
{
    public string Name => "lower-nat-selection";

    public void Run(LoweringState state)
    {
        var rules = state.Policy.NatRules;
        var order = Enumerable.Range(0, rules.Length)
            .Where(i => !rules[i].Inactive && rules[i].Direction == NatDirection.InsideSource)
            .OrderBy(i => Rank(rules[i].Kind))
            .ThenBy(i => rules[i].Order)
            .ToList();
        foreach (var index in order)
        {
            var rule = rules[index];
            state.NatRules.Add(new NatRulePlan(
                state.NatRules.Count,
                index,
                rule.Kind,
                rule.MatchAcl is null ? -1 : state.AclIds[rule.MatchAcl],
                rule.RealAddresses.IsDefault ? [] : rule.RealAddresses,
                rule.Kind == NatRuleKind.StaticPort && rule.Protocol is { } protocol ? (byte)protocol : (byte)0,
                rule.Kind == NatRuleKind.StaticPort ? rule.RealPort : null,
                rule.Span));
        }
    }

    private static int Rank(NatRuleKind kind) => kind switch
    {
        NatRuleKind.StaticPort => 0,
        NatRuleKind.Static => 1,
        NatRuleKind.Exempt => 2,
        _ => 3,
    };
}
