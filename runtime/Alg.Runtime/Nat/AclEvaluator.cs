using Alg.Policy.Model;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>Evaluates a policy ACL against a new flow's first packet: first matching entry decides, no match denies.</summary>
/// <remarks>Runs only when a flow is created, never per packet of a known flow; allocation-free.</remarks>
public static class AclEvaluator
{
    public static bool Permits(Acl acl, uint source, ushort sourcePort, uint destination, ushort destinationPort, byte protocol, TcpFlags tcpFlags)
    {
        foreach (var entry in acl.Entries)
        {
            if (Matches(entry, acl.Kind, source, sourcePort, destination, destinationPort, protocol, tcpFlags))
            {
                return entry.Action == AclAction.Permit;
            }
        }

        return false;
    }

    private static bool Matches(AclEntry entry, AclKind kind, uint source, ushort sourcePort, uint destination, ushort destinationPort, byte protocol, TcpFlags tcpFlags)
    {
        if (!MatchesAddress(entry.Sources, source))
        {
            return false;
        }

        if (kind == AclKind.Standard)
        {
            return true;
        }

        if (entry.Protocol is { } wanted && wanted != 0 && wanted != protocol)
        {
            return false;
        }

        if (entry.Established && (tcpFlags & (TcpFlags.Ack | TcpFlags.Rst)) == 0)
        {
            return false;
        }

        return MatchesAddress(entry.Destinations, destination)
            && MatchesPort(entry.SourcePorts, sourcePort)
            && MatchesPort(entry.DestinationPorts, destinationPort);
    }

    private static bool MatchesAddress(System.Collections.Immutable.ImmutableArray<AddressMatch> matches, uint address)
    {
        if (matches.IsDefaultOrEmpty)
        {
            return true;
        }

        foreach (var match in matches)
        {
            if (match.Matches(new Ipv4Address(address)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesPort(System.Collections.Immutable.ImmutableArray<PortRange> ranges, ushort port)
    {
        if (ranges.IsDefaultOrEmpty)
        {
            return true;
        }

        foreach (var range in ranges)
        {
            if (range.Contains(port))
            {
                return true;
            }
        }

        return false;
    }
}
