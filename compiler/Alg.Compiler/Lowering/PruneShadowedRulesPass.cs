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

        return AddressesCover(earlier.Sources, later.Sources)
            && AddressesCover(earlier.Destinations, later.Destinations)
            && PortsCover(earlier.SourcePorts, later.SourcePorts)
            && PortsCover(earlier.DestinationPorts, later.DestinationPorts);
    }

    // Plain loops: this runs for every pair of entries of every ACL (lint and lowering), and lambdas capturing
    // the earlier rule allocated two closures per pair.
    private static bool AddressesCover(System.Collections.Immutable.ImmutableArray<Alg.Policy.Model.AddressMatch> earlier, System.Collections.Immutable.ImmutableArray<Alg.Policy.Model.AddressMatch> later)
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
                if (l.IsSubsetOf(e))
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

    private static bool PortsCover(System.Collections.Immutable.ImmutableArray<Alg.Policy.Model.PortRange> earlier, System.Collections.Immutable.ImmutableArray<Alg.Policy.Model.PortRange> later)
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
                if (l.IsSubsetOf(e))
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
