using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>One ACL rule, normalised: empty lists mean "any"; protocol 0 means any IP protocol.</summary>
public sealed record AclRuleIr(
    bool Permit,
    byte Protocol,
    ImmutableArray<AddressMatch> Sources,
    ImmutableArray<PortRange> SourcePorts,
    ImmutableArray<AddressMatch> Destinations,
    ImmutableArray<PortRange> DestinationPorts,
    bool Established,
    SourceSpan Span)
{
    public bool Matches(in PacketTuple tuple)
    {
        if (Protocol != 0 && Protocol != tuple.Protocol)
        {
            return false;
        }

        if (Established && !tuple.Established)
        {
            return false;
        }

        return MatchesAddress(Sources, tuple.Source)
            && MatchesAddress(Destinations, tuple.Destination)
            && MatchesPort(SourcePorts, tuple.SourcePort)
            && MatchesPort(DestinationPorts, tuple.DestinationPort);
    }

    private static bool MatchesAddress(ImmutableArray<AddressMatch> matches, uint address)
    {
        if (matches.IsEmpty)
        {
            return true;
        }

        foreach (var match in matches)
        {
            if (((address ^ match.Address.Value) & ~match.Wildcard) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesPort(ImmutableArray<PortRange> ranges, ushort port)
    {
        if (ranges.IsEmpty)
        {
            return true;
        }

        foreach (var range in ranges)
        {
            if (port >= range.Low && port <= range.High)
            {
                return true;
            }
        }

        return false;
    }
}
