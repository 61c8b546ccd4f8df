using Alg.Policy.Model;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Resolves a NAT rule's names (match ACL, pool, interface) to what the data plane needs, or says why the runtime
/// cannot carry the rule out. Lowering keeps exactly the rules this accepts, and lint (ALG3028) names the others,
/// so a rule is never silently half-applied.
/// </summary>
public static class NatRuleResolver
{
    /// <summary>The order a new flow tries rule kinds in: port forwards, static mappings, then the rest by configuration
    /// order — a fixed mapping is more specific than any dynamic one, as in IOS and ASA section 1/2 behaviour.</summary>
    public static int Rank(NatRuleKind kind) => kind switch
    {
        NatRuleKind.StaticPort => 0,
        NatRuleKind.Static => 1,
        _ => 2,
    };

    /// <summary>Whether the runtime can carry out a rule, and why not (the reason starts with the rule's location).</summary>
    public static bool IsSupported(PolicyModel policy, NatRule rule, out string reason)
    {
        var supported = TryResolve(policy, rule, out _, out reason);
        return supported;
    }

    /// <summary>The rule's global addresses, or false with the reason it is left out.</summary>
    public static bool TryResolve(PolicyModel policy, NatRule rule, out List<AddressRange> targets, out string reason)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rule);
        targets = [];
        var where = rule.Span.ToLocation();
        reason = string.Empty;
        if (rule.Direction != NatDirection.InsideSource)
        {
            reason = $"{where}: {rule.Direction} NAT is not implemented by the runtime yet; rule skipped";
            return false;
        }

        if (!rule.MappedDestination.IsDefaultOrEmpty || !rule.RealDestination.IsDefaultOrEmpty)
        {
            reason = $"{where}: twice NAT (destination translation) is not implemented by the runtime yet; rule skipped";
            return false;
        }

        if (rule.MatchAcl is { } aclName)
        {
            if (policy.FindAcl(aclName) is null)
            {
                reason = $"{where}: ACL '{aclName}' is not defined; rule skipped";
                return false;
            }
        }
        else if (rule.MatchRouteMap is { } routeMap)
        {
            reason = $"{where}: route-map '{routeMap}' matching is not implemented by the runtime yet; rule skipped";
            return false;
        }

        switch (rule.TargetKind)
        {
            case NatTargetKind.Interface:
                var targetInterface = rule.TargetInterface is null ? null : policy.FindInterface(rule.TargetInterface);
                if (targetInterface?.Address is not { } prefix)
                {
                    reason = $"{where}: interface '{rule.TargetInterface}' has no IPv4 address; rule skipped";
                    return false;
                }

                targets.Add(AddressRange.Host(prefix.Address));
                break;
            case NatTargetKind.Pool:
                NatPool? pool = null;
                foreach (var candidate in policy.NatPools)
                {
                    if (string.Equals(candidate.Name, rule.TargetPool, StringComparison.Ordinal))
                    {
                        pool = candidate;
                    }
                }

                if (pool is null)
                {
                    reason = $"{where}: pool '{rule.TargetPool}' is not defined; rule skipped";
                    return false;
                }

                targets.Add(pool.Addresses);
                break;
            case NatTargetKind.Addresses:
                targets.AddRange(rule.MappedAddresses);
                break;
            case NatTargetKind.None:
                break;
        }

        if (rule.Kind != NatRuleKind.Exempt && targets.Count == 0)
        {
            reason = $"{where}: {rule.Kind} rule has no mapped address; rule skipped";
            return false;
        }

        if (rule.Kind == NatRuleKind.StaticPort && (rule.Protocol is null || rule.RealAddresses.IsDefaultOrEmpty || rule.RealPort is null))
        {
            reason = $"{where}: static port forward without protocol, real address or port; rule skipped";
            return false;
        }

        return true;
    }
}
