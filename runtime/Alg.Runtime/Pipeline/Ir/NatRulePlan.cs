using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>
/// A NAT rule as the data plane carries it out: what selects it for a new inside flow (its real addresses and/or
/// match ACL, for a port forward the transport and real port) and what it does (the global addresses it maps to,
/// a port forward's global port). Rules are tried in <see cref="Id"/> order; names are resolved at lowering.
/// </summary>
/// <param name="Targets">Global addresses: the interface address, the pool, or the literal mapped addresses (empty for exemptions).</param>
/// <param name="MappedPort">A port forward's global port (its real port when the configuration names none).</param>
public sealed record NatRulePlan(
    int Id,
    NatRuleKind Kind,
    int MatchAclId,
    ImmutableArray<AddressRange> RealAddresses,
    byte Protocol,
    PortRange? RealPort,
    ImmutableArray<AddressRange> Targets,
    int MappedPort,
    SourceSpan Span)
{
    /// <summary>
    /// Does a new flow take this rule? A port forward needs its exact host, transport and port; a static
    /// mapping its real addresses (and its ACL, if any); dynamic and exempt rules their ACL when they have
    /// one, else their real addresses, else every source.
    /// </summary>
    public bool Matches(in PacketTuple tuple, IPipelineEngine classifier)
    {
        switch (Kind)
        {
            case NatRuleKind.StaticPort:
                return tuple.Protocol == Protocol && RealPort is { } port && tuple.SourcePort == port.Low
                    && !RealAddresses.IsEmpty && tuple.Source == RealAddresses[0].First.Value;
            case NatRuleKind.Static:
                return InRealAddresses(tuple.Source) && (MatchAclId < 0 || Permits(classifier, tuple));
            default:
                return MatchAclId >= 0 ? Permits(classifier, tuple) : RealAddresses.IsEmpty || InRealAddresses(tuple.Source);
        }
    }

    /// <summary>A port forward's global address (the first target).</summary>
    public uint GlobalAddress => Targets.IsEmpty ? 0 : Targets[0].First.Value;

    /// <summary>A port forward's real host.</summary>
    public uint RealAddress => RealAddresses.IsEmpty ? 0 : RealAddresses[0].First.Value;

    /// <summary>A port forward's real port.</summary>
    public ushort RealPortValue => (ushort)(RealPort?.Low ?? 0);

    /// <summary>Static 1:1: the mapped address of a real one (network statics keep the host part), or false.</summary>
    public bool TryMapStatic(uint real, out uint mapped)
    {
        mapped = 0;
        if (RealAddresses.IsEmpty || Targets.IsEmpty || !RealAddresses[0].Contains(new Ipv4Address(real)))
        {
            return false;
        }

        var offset = real - RealAddresses[0].First.Value;
        var target = Targets[0];
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
        if (RealAddresses.IsEmpty || Targets.IsEmpty || !Targets[0].Contains(new Ipv4Address(mapped)))
        {
            return false;
        }

        var offset = mapped - Targets[0].First.Value;
        var source = RealAddresses[0];
        if (offset > source.Last.Value - source.First.Value)
        {
            return false;
        }

        real = source.First.Value + offset;
        return true;
    }

    private bool Permits(IPipelineEngine classifier, in PacketTuple tuple)
    {
        var rule = classifier.Classify(MatchAclId, tuple);
        return rule >= 0 && classifier.Program.Acls[MatchAclId].Rules[rule].Permit;
    }

    private bool InRealAddresses(uint source)
    {
        foreach (var range in RealAddresses)
        {
            if (source >= range.First.Value && source <= range.Last.Value)
            {
                return true;
            }
        }

        return false;
    }
}
