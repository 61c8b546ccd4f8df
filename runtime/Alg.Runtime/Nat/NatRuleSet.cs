using Alg.Policy.Model;

namespace Alg.Runtime.Nat;

/// <summary>The NAT rules of one policy, resolved and ordered for the engine, plus the addresses the gateway owns.</summary>
/// <remarks>
/// Order: static port forwards, then static 1:1, then the rest by <see cref="NatRule.Order"/> — a fixed
/// mapping is more specific than any dynamic one, as in IOS and ASA section 1/2 behaviour. Rules the runtime
/// cannot carry out yet are listed in <see cref="Unsupported"/> with the reason, never silently half-applied.
/// </remarks>
public sealed class NatRuleSet
{
    private readonly CompiledNatRule?[] _byPolicyIndex;
    private readonly List<CompiledNatRule> _rules = [];
    private readonly List<AddressRange> _owned = [];
    private readonly List<Ipv4Prefix> _insidePrefixes = [];
    private readonly List<string> _unsupported = [];
    private readonly AddressRange[] _ownedArray;
    private readonly uint[] _insideNetworks;
    private readonly uint[] _insideMasks;

    public NatRuleSet(PolicyModel policy)
    {
        _byPolicyIndex = new CompiledNatRule?[policy?.NatRules.Length ?? 0];
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var candidate in policy.Interfaces)
        {
            if (candidate.Address is { } prefix)
            {
                if (candidate.Role == InterfaceRole.Outside)
                {
                    _owned.Add(AddressRange.Host(prefix.Address));
                }
                else if (candidate.Role == InterfaceRole.Inside)
                {
                    _insidePrefixes.Add(prefix);
                }
            }
        }

        var ordered = new List<NatRule>(policy.NatRules.Length);
        foreach (var rule in policy.NatRules)
        {
            if (!rule.Inactive)
            {
                ordered.Add(rule);
            }
        }

        ordered.Sort((a, b) =>
        {
            var byKind = Rank(a.Kind).CompareTo(Rank(b.Kind));
            return byKind != 0 ? byKind : a.Order.CompareTo(b.Order);
        });

        foreach (var rule in ordered)
        {
            Compile(policy, rule);
        }

        // Arrays, not lists: these are read for every packet.
        _ownedArray = [.. _owned];
        RuleArray = [.. _rules];
        _insideNetworks = new uint[_insidePrefixes.Count];
        _insideMasks = new uint[_insidePrefixes.Count];
        for (var i = 0; i < _insidePrefixes.Count; i++)
        {
            _insideMasks[i] = Ipv4Address.FromPrefixLength(_insidePrefixes[i].Length).Value;
            _insideNetworks[i] = _insidePrefixes[i].Address.Value & _insideMasks[i];
        }
    }

    public IReadOnlyList<CompiledNatRule> Rules => _rules;

    /// <summary>The same rules as an array, so per-flow loops enumerate without allocating.</summary>
    internal CompiledNatRule[] RuleArray { get; private set; } = [];

    /// <summary>Outside interface addresses, pools and static globals: traffic to these arrives "outside".</summary>
    public IReadOnlyList<AddressRange> OwnedAddresses => _owned;

    public IReadOnlyList<Ipv4Prefix> InsidePrefixes => _insidePrefixes;

    /// <summary>Rules skipped, each with where it came from and why.</summary>
    public IReadOnlyList<string> Unsupported => _unsupported;

    public bool IsOwned(uint address)
    {
        foreach (var range in _ownedArray)
        {
            if (address >= range.First.Value && address <= range.Last.Value)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsInsideAddress(uint address)
    {
        for (var i = 0; i < _insideNetworks.Length; i++)
        {
            if ((address & _insideMasks[i]) == _insideNetworks[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The order a new flow tries rule kinds in: port forwards, static mappings, then the rest by configuration order.</summary>
    public static int Rank(NatRuleKind kind) => kind switch
    {
        NatRuleKind.StaticPort => 0,
        NatRuleKind.Static => 1,
        _ => 2,
    };

    /// <summary>
    /// Whether the runtime can carry out a rule, and why not. Lowering keeps exactly the supported rules, so
    /// the rule an engine selects always has a translation here.
    /// </summary>
    public static bool IsSupported(PolicyModel policy, NatRule rule, out string reason)
    {
        var probe = new List<string>();
        var supported = Resolve(policy, rule, probe, out _, out _);
        reason = supported ? string.Empty : probe[0];
        return supported;
    }

    /// <summary>The compiled form of the rule at this index of <see cref="PolicyModel.NatRules"/>, or null if unsupported.</summary>
    public CompiledNatRule? ForPolicyIndex(int policyIndex) =>
        policyIndex >= 0 && policyIndex < _byPolicyIndex.Length ? _byPolicyIndex[policyIndex] : null;

    private void Compile(PolicyModel policy, NatRule rule)
    {
        if (!Resolve(policy, rule, _unsupported, out var acl, out var targets))
        {
            return;
        }

        foreach (var target in targets)
        {
            if (rule.Kind != NatRuleKind.Exempt && !_owned.Exists(owned => owned.Contains(target.First)))
            {
                _owned.Add(target);
            }
        }

        var real = rule.RealAddresses.IsDefaultOrEmpty ? [] : rule.RealAddresses.ToArray();
        var compiled = new CompiledNatRule(rule, _rules.Count, acl, real, targets.ToArray());
        _rules.Add(compiled);
        _byPolicyIndex[policy.NatRules.IndexOf(rule)] = compiled;
    }

    private static bool Resolve(PolicyModel policy, NatRule rule, List<string> unsupported, out Acl? acl, out List<AddressRange> targets)
    {
        acl = null;
        targets = [];
        var where = rule.Span.ToLocation();
        if (rule.Direction != NatDirection.InsideSource)
        {
            unsupported.Add($"{where}: {rule.Direction} NAT is not implemented by the runtime yet; rule skipped");
            return false;
        }

        if (!rule.MappedDestination.IsDefaultOrEmpty || !rule.RealDestination.IsDefaultOrEmpty)
        {
            unsupported.Add($"{where}: twice NAT (destination translation) is not implemented by the runtime yet; rule skipped");
            return false;
        }

        if (rule.MatchAcl is { } aclName)
        {
            acl = policy.FindAcl(aclName);
            if (acl is null)
            {
                unsupported.Add($"{where}: ACL '{aclName}' is not defined; rule skipped");
                return false;
            }
        }
        else if (rule.MatchRouteMap is { } routeMap)
        {
            unsupported.Add($"{where}: route-map '{routeMap}' matching is not implemented by the runtime yet; rule skipped");
            return false;
        }

        switch (rule.TargetKind)
        {
            case NatTargetKind.Interface:
                var targetInterface = rule.TargetInterface is null ? null : policy.FindInterface(rule.TargetInterface);
                if (targetInterface?.Address is not { } prefix)
                {
                    unsupported.Add($"{where}: interface '{rule.TargetInterface}' has no IPv4 address; rule skipped");
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
                    unsupported.Add($"{where}: pool '{rule.TargetPool}' is not defined; rule skipped");
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
            unsupported.Add($"{where}: {rule.Kind} rule has no mapped address; rule skipped");
            return false;
        }

        if (rule.Kind == NatRuleKind.StaticPort && (rule.Protocol is null || rule.RealAddresses.IsDefaultOrEmpty || rule.RealPort is null))
        {
            unsupported.Add($"{where}: static port forward without protocol, real address or port; rule skipped");
            return false;
        }

        return true;
    }
}
