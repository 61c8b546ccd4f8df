using Alg.Policy.Model;

namespace Alg.Runtime.Nat;

/// <summary>A <see cref="NatRule"/> with its names resolved to addresses, ready for the engine.</summary>
/// <remarks>Built once per policy; immutable afterwards, so a running engine never sees a half-built rule.</remarks>
public sealed class CompiledNatRule
{
    public CompiledNatRule(NatRule rule, int index, Acl? matchAcl, AddressRange[] realAddresses, AddressRange[] targetAddresses)
    {
        Rule = rule;
        Index = index;
        MatchAcl = matchAcl;
        RealAddresses = realAddresses;
        TargetAddresses = targetAddresses;
    }

    public NatRule Rule { get; }

    public NatRuleKind Kind => Rule.Kind;

    /// <summary>Position in <see cref="NatRuleSet.Rules"/>.</summary>
    public int Index { get; }

    public Acl? MatchAcl { get; }

    /// <summary>Real (inside) addresses the rule selects when it names them rather than an ACL.</summary>
    public AddressRange[] RealAddresses { get; }

    /// <summary>Global addresses: the interface address, the pool, or the literal mapped addresses.</summary>
    public AddressRange[] TargetAddresses { get; }

    /// <summary>Static port forward: the transport protocol number.</summary>
    public byte Protocol => Rule.Protocol is { } protocol ? (byte)protocol : (byte)0;

    public int RealPort => Rule.RealPort?.Low ?? 0;

    public int MappedPort => Rule.MappedPort?.Low ?? RealPort;

    /// <summary>Static 1:1: the mapped address of a real one (network statics keep the host part), or false.</summary>
    public bool TryMapStatic(uint real, out uint mapped)
    {
        mapped = 0;
        if (RealAddresses.Length == 0 || TargetAddresses.Length == 0 || !RealAddresses[0].Contains(new Ipv4Address(real)))
        {
            return false;
        }

        var offset = real - RealAddresses[0].First.Value;
        var target = TargetAddresses[0];
        if (offset > target.Last.Value - target.First.Value)
        {
            return false;
        }

        mapped = target.First.Value + offset;
        return true;
    }

    /// <summary>Static 1:1 backwards: the real address behind a mapped one, or false.</summary>
    public bool TryUnmapStatic(uint mapped, out uint real)
    {
        real = 0;
        if (RealAddresses.Length == 0 || TargetAddresses.Length == 0 || !TargetAddresses[0].Contains(new Ipv4Address(mapped)))
        {
            return false;
        }

        var offset = mapped - TargetAddresses[0].First.Value;
        var source = RealAddresses[0];
        if (offset > source.Last.Value - source.First.Value)
        {
            return false;
        }

        real = source.First.Value + offset;
        return true;
    }
}
