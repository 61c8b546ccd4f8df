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
        out DropReason reason) =>
        Reserve(protocol, insideAddress, insidePort, remoteAddress, remotePort, lifetimeNanoseconds, now, 0, out mappedAddress, out mappedPort, out _, out _, out reason);

    /// <summary>
    /// Reserves the mappings of an RTP/RTCP pair (inside ports <paramref name="insideRtpPort"/> and the next) so that
    /// their public ports are a pair too: even, and the next one (RFC 3550 §11; an RTSP <c>client_port=a-b</c> can only
    /// name two adjacent ports). Two inside hosts asking for the same ports get different public pairs.
    /// </summary>
    /// <param name="preferredPublicPort">The public RTP port to try first (the one a server already chose); 0 for any.</param>
    /// <returns>False (counted) when no pair is free, a table is full, or the RTP port is already mapped to a public
    /// port whose neighbour is taken.</returns>
    public bool TryReserveMappingPair(
        byte protocol,
        uint insideAddress,
        ushort insideRtpPort,
        uint remoteAddress,
        long lifetimeNanoseconds,
        long now,
        out uint mappedAddress,
        out ushort mappedRtpPort,
        out DropReason reason,
        ushort preferredPublicPort = 0)
    {
        mappedAddress = 0;
        mappedRtpPort = 0;
        if (insideRtpPort == ushort.MaxValue)
        {
            reason = DropReason.PortsExhausted;
            Drops.Increment(reason);
            return false;
        }

        var preferred = preferredPublicPort;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            if (!Reserve(protocol, insideAddress, insideRtpPort, remoteAddress, 0, lifetimeNanoseconds, now, preferred, out var address, out var rtp, out var rtpIndex, out var rtpNew, out reason))
            {
                return false;
            }

            if (rtpIndex < 0)
            {
                // Not translated, or a static mapping that keeps ports: the inside pair is the public pair.
                mappedAddress = address;
                mappedRtpPort = rtp;
                return true;
            }

            var rtcpWanted = (ushort)(rtp + 1);
            // An even RTP port (RFC 3550 §11) always has a next port: 65535 is odd.
            if ((rtp & 1) == 0
                && Reserve(protocol, insideAddress, (ushort)(insideRtpPort + 1), remoteAddress, 0, lifetimeNanoseconds, now, rtcpWanted, out _, out var rtcp, out var rtcpIndex, out var rtcpNew, out reason))
            {
                if (rtcp == rtcpWanted)
                {
                    mappedAddress = address;
                    mappedRtpPort = rtp;
                    return true;
                }

                if (rtcpNew)
                {
                    Unreserve(rtcpIndex, now);
                }
            }

            if (!rtpNew)
            {
                // The RTP port already has a public port in use by a flow; it cannot move to make a pair.
                break;
            }

            Unreserve(rtpIndex, now);
            var pair = AllocatorFor(address, protocol).FindFreePair(ref _random, NowSecond(now));
            if (pair < 0)
            {
                break;
            }

            preferred = (ushort)pair;
        }

        reason = DropReason.PortsExhausted;
        Drops.Increment(reason);
        return false;
    }

    private bool Reserve(
        byte protocol,
        uint insideAddress,
        ushort insidePort,
        uint remoteAddress,
        ushort remotePort,
        long lifetimeNanoseconds,
        long now,
        ushort preferredPort,
        out uint mappedAddress,
        out ushort mappedPort,
        out int mappingIndex,
        out bool created,
        out DropReason reason)
    {
        reason = DropReason.None;
        created = false;
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
        if (!ResolveSource(in info, now, out mappedAddress, out mappedPort, out mappingIndex, ref reason, preferredPort))
        {
            Drops.Increment(reason);
            return false;
        }

        if (mappingIndex >= 0)
        {
            ref var mapping = ref _mappings[mappingIndex];
            if (mapping.ReservedUntil == 0)
            {
                // A mapping with neither a flow nor a reservation exists only because this call made it.
                created = mapping.FlowCount == 0;
                _reservedMappings++;
            }

            mapping.ReservedUntil = Math.Max(mapping.ReservedUntil, now + lifetimeNanoseconds);
        }

        return true;
    }

    /// <summary>Gives back a mapping this reservation just created and could not use.</summary>
    private void Unreserve(int mappingIndex, long now)
    {
        ref var mapping = ref _mappings[mappingIndex];
        if (mapping.ReservedUntil != 0)
        {
            mapping.ReservedUntil = 0;
            _reservedMappings--;
        }

        ReleaseIfUnused(mappingIndex, now);
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
