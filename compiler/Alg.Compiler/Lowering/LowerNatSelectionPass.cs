using Alg.Policy.Model;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Orders the NAT rules the runtime can carry out the way a new flow tries them — port forwards, then static
/// mappings, then the rest, each group in configuration order (<see cref="NatRuleResolver.Rank"/>) — and records
/// what selects each (its real addresses, its match ACL, for a port forward the transport and real port) and what
/// it does (its global addresses and port, names resolved). Rules the runtime cannot carry out are left out, each
/// with its reason in <see cref="PipelineProgram.SkippedNatRules"/>.
/// </summary>
public sealed class LowerNatSelectionPass : ILoweringPass
{
    public string Name => "lower-nat-selection";

    public void Run(LoweringState state)
    {
        var rules = state.Policy.NatRules;
        var order = Enumerable.Range(0, rules.Length)
            .Where(i => !rules[i].Inactive)
            .OrderBy(i => NatRuleResolver.Rank(rules[i].Kind))
            .ThenBy(i => rules[i].Order)
            .ToList();
        foreach (var index in order)
        {
            var rule = rules[index];
            if (!NatRuleResolver.TryResolve(state.Policy, rule, out var targets, out var reason))
            {
                state.SkippedNatRules.Add(reason);
                continue;
            }

            var isPortForward = rule.Kind == NatRuleKind.StaticPort;
            state.NatRules.Add(new NatRulePlan(
                state.NatRules.Count,
                rule.Kind,
                rule.MatchAcl is null ? -1 : state.AclIds[rule.MatchAcl],
                rule.RealAddresses.IsDefault ? [] : rule.RealAddresses,
                isPortForward && rule.Protocol is { } protocol ? (byte)protocol : (byte)0,
                isPortForward ? rule.RealPort : null,
                [.. targets],
                isPortForward ? rule.MappedPort?.Low ?? rule.RealPort?.Low ?? 0 : 0,
                rule.Span));
        }
    }
}
