using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Nat;

/// <summary>The lookup tables the data plane derives from a program's NAT rules and interfaces: the addresses the
/// gateway owns, the inside networks, and the rules in the order a new flow tries them.</summary>
/// <remarks>
/// Built once per lowered program, off the packet path (<see cref="PipelineProgram.Nat"/>), so a reload or a tiered
/// swap never builds it between two packets and every packet reads the tables of the engine it runs on.
/// </remarks>
public sealed class NatRuleSet
{
    private readonly AddressRange[] _owned;
    private readonly uint[] _insideNetworks;
    private readonly uint[] _insideMasks;

    public NatRuleSet(ImmutableArray<InterfacePlan> interfaces, ImmutableArray<NatRulePlan> rules, ImmutableArray<string> skipped)
    {
        var owned = new List<AddressRange>();
        var inside = new List<Ipv4Prefix>();
        foreach (var candidate in interfaces)
        {
            if (candidate.Address is { } prefix)
            {
                if (candidate.Role == InterfaceRole.Outside)
                {
                    owned.Add(AddressRange.Host(prefix.Address));
                }
                else if (candidate.Role == InterfaceRole.Inside)
                {
                    inside.Add(prefix);
                }
            }
        }

        foreach (var rule in rules)
        {
            foreach (var target in rule.Kind == NatRuleKind.Exempt ? [] : rule.Targets)
            {
                if (!owned.Exists(range => range.Contains(target.First)))
                {
                    owned.Add(target);
                }
            }
        }

        // Arrays, not lists: these are read for every packet.
        _owned = [.. owned];
        RuleArray = [.. rules];
        InsidePrefixes = [.. inside];
        Unsupported = skipped.IsDefault ? [] : skipped;
        _insideNetworks = new uint[inside.Count];
        _insideMasks = new uint[inside.Count];
        for (var i = 0; i < inside.Count; i++)
        {
            _insideMasks[i] = Ipv4Address.FromPrefixLength(inside[i].Length).Value;
            _insideNetworks[i] = inside[i].Address.Value & _insideMasks[i];
        }
    }

    public IReadOnlyList<NatRulePlan> Rules => RuleArray;

    /// <summary>The same rules as an array, so per-flow loops enumerate without allocating.</summary>
    internal NatRulePlan[] RuleArray { get; }

    /// <summary>Outside interface addresses, pools and static globals: traffic to these arrives "outside".</summary>
    public IReadOnlyList<AddressRange> OwnedAddresses => _owned;

    public IReadOnlyList<Ipv4Prefix> InsidePrefixes { get; }

    /// <summary>Rules lowering left out, each with where it came from and why.</summary>
    public IReadOnlyList<string> Unsupported { get; }

    public bool IsOwned(uint address)
    {
        foreach (var range in _owned)
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
}
