using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Drops ACL rules that can never match because one earlier rule accepts every packet they would
/// (lint reports them as ALG3012). First-match results are unchanged; the tables get smaller.
/// </summary>
public sealed class PruneShadowedRulesPass : ILoweringPass
{
    public string Name => "prune-shadowed-rules";

    public void Run(LoweringState state)
    {
        for (var a = 0; a < state.Acls.Count; a++)
        {
            var acl = state.Acls[a];
            var kept = new List<AclRuleIr>();
            foreach (var rule in acl.Rules)
            {
                if (!kept.Any(earlier => Covers(earlier, rule)))
                {
                    kept.Add(rule);
                }
            }

            if (kept.Count != acl.Rules.Length)
            {
                state.Acls[a] = acl with { Rules = [.. kept] };
            }
        }
    }

    internal static bool Covers(AclRuleIr earlier, AclRuleIr later)
    {
        if (earlier.Protocol != 0 && earlier.Protocol != later.Protocol)
        {
            return false;
        }

        if (earlier.Established && !later.Established)
        {
            return false;
        }

        return SetsCover(earlier.Sources, later.Sources, static (l, e) => l.IsSubsetOf(e))
            && SetsCover(earlier.Destinations, later.Destinations, static (l, e) => l.IsSubsetOf(e))
            && SetsCover(earlier.SourcePorts, later.SourcePorts, static (l, e) => l.IsSubsetOf(e))
            && SetsCover(earlier.DestinationPorts, later.DestinationPorts, static (l, e) => l.IsSubsetOf(e));
    }

    // An empty set matches everything. Plain loops and capture-free (cached) delegates: this runs for every pair
    // of entries of every ACL (lint and lowering), and lambdas capturing the earlier rule allocated per pair.
    private static bool SetsCover<T>(System.Collections.Immutable.ImmutableArray<T> earlier, System.Collections.Immutable.ImmutableArray<T> later, Func<T, T, bool> isSubsetOf)
    {
        if (earlier.IsEmpty)
        {
            return true;
        }

        if (later.IsEmpty)
        {
            return false;
        }

        foreach (var l in later)
        {
            var covered = false;
            foreach (var e in earlier)
            {
                if (isSubsetOf(l, e))
                {
                    covered = true;
                    break;
                }
            }

            if (!covered)
            {
                return false;
            }
        }

        return true;
    }
}
