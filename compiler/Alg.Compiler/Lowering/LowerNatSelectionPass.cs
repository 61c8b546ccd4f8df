using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Orders the NAT rules the runtime can carry out the way a new flow tries them — port forwards, then static
/// mappings, then the rest, each group in configuration order (<see cref="NatRuleSet.Rank"/>) — and records
/// what selects each: its real addresses, its match ACL, and for a port forward the transport and real port.
/// Rules the runtime cannot carry out (<see cref="NatRuleSet.IsSupported"/>) are left out, as it leaves them out.
/// </summary>
public sealed class LowerNatSelectionPass : ILoweringPass
{
    public string Name => "lower-nat-selection";

    public void Run(LoweringState state)
    {
        var rules = state.Policy.NatRules;
        var order = Enumerable.Range(0, rules.Length)
            .Where(i => !rules[i].Inactive && NatRuleSet.IsSupported(state.Policy, rules[i], out _))
            .OrderBy(i => NatRuleSet.Rank(rules[i].Kind))
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
}
