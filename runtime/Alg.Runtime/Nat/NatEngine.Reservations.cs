using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>Mappings an ALG reserves before any packet uses them (the media port it writes into SDP or H.245).</summary>
public sealed partial class NatEngine
{
    /// <summary>
    /// Finds or creates the mapping an inside endpoint's packets to <paramref name="remoteAddress"/> will use, and
    /// keeps it for at least <paramref name="lifetimeNanoseconds"/> even with no flow, so the address and port an
    /// ALG announces are the ones the media really leaves with (alg-behaviour §2 #14: media follows the mapping
    /// of the media flow).
    /// </summary>
    /// <param name="remoteAddress">The peer, when known: it keys the mapping under address-dependent mapping and selects ACL rules.</param>
    /// <returns>False with <paramref name="reason"/> when no port is free or a table is full (counted).</returns>
    public bool TryReserveMapping(
        byte protocol,
        uint insideAddress,
        ushort insidePort,
        uint remoteAddress,
        ushort remotePort,
        long lifetimeNanoseconds,
        long now,
        out uint mappedAddress,
        out ushort mappedPort,
        out DropReason reason)
    {
        reason = DropReason.None;
        var info = new PacketInfo
        {
            IpVersion = 4,
            Protocol = protocol,
            SourceAddress = insideAddress,
            DestinationAddress = remoteAddress,
            SourcePort = insidePort,
            DestinationPort = remotePort,
            Flags = PacketFlags.HasPorts,
        };
        if (!ResolveSource(in info, now, _classifiers.Current, out mappedAddress, out mappedPort, out var mappingIndex, ref reason))
        {
            Drops.Increment(reason);
            return false;
        }

        if (mappingIndex >= 0)
        {
            ref var mapping = ref _mappings[mappingIndex];
            if (mapping.ReservedUntil == 0)
            {
                _reservedMappings++;
            }

            mapping.ReservedUntil = Math.Max(mapping.ReservedUntil, now + lifetimeNanoseconds);
        }

        return true;
    }

    private void ReleaseExpiredReservations(long now)
    {
        // Runs once a second and only while reservations exist; O(mapping capacity).
        for (var i = 0; i < _mappingCapacity && _reservedMappings > 0; i++)
        {
            ref var mapping = ref _mappings[i];
            if (mapping.InUse && mapping.ReservedUntil != 0 && mapping.ReservedUntil <= now)
            {
                if (mapping.FlowCount > 0)
                {
                    // Flows keep it now; it is released with the last of them.
                    mapping.ReservedUntil = 0;
                    _reservedMappings--;
                }
                else
                {
                    ReleaseIfUnused(i, now);
                }
            }
        }
    }
}
