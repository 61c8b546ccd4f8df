using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Algs;

/// <summary>The translator queries an ALG may make while it decides its rewrites (e.g. the public port to write
/// into SDP for a media stream that has not started yet). Nothing here edits a packet.</summary>
public readonly struct AlgNat
{
    private readonly NatEngine? _engine;
    private readonly long _now;

    internal AlgNat(NatEngine engine, long now)
    {
        _engine = engine;
        _now = now;
    }

    /// <summary>
    /// Finds or creates the mapping an inside endpoint's packets to <paramref name="remote"/> will leave with and keeps
    /// it for <paramref name="lifetimeNanoseconds"/>, so the endpoint an ALG announces is the one the media really
    /// uses (alg-behaviour §2 #14). See <see cref="NatEngine.TryReserveMapping"/>.
    /// </summary>
    /// <returns>False (counted by the engine) when no port is free or a table is full, or outside a stage.</returns>
    public bool TryReserveMapping(byte protocol, AlgEndpoint inside, AlgEndpoint remote, long lifetimeNanoseconds, out AlgEndpoint mapped, out DropReason reason)
    {
        if (_engine is null)
        {
            mapped = default;
            reason = DropReason.NotTranslatable;
            return false;
        }

        var ok = _engine.TryReserveMapping(protocol, inside.Address, inside.Port, remote.Address, remote.Port, lifetimeNanoseconds, _now, out var address, out var port, out reason);
        mapped = new AlgEndpoint(address, port);
        return ok;
    }

    /// <summary>
    /// The pinhole open now that a flow from <paramref name="peer"/> to <paramref name="local"/> would come through, if
    /// any (an ESP gate another inside host's IKE opened for the same peer: one gate per peer at a time, algs.md §13.3).
    /// </summary>
    public bool TryFindPinhole(byte protocol, Flows.FlowSide arrivalSide, AlgEndpoint local, AlgEndpoint peer, out Flows.ExpectationSpec spec)
    {
        if (_engine is null)
        {
            spec = default;
            return false;
        }

        var firstPacket = new Flows.FlowKey(peer.Address, local.Address, peer.Port, local.Port, protocol, arrivalSide);
        return _engine.Expectations.TryFind(in firstPacket, _now, out spec);
    }

    /// <summary>
    /// Reserves an RTP/RTCP pair's mappings (inside ports <paramref name="insideRtp"/>'s and the next) with public ports
    /// that are a pair too: even and the next (RFC 3550 §11). See <see cref="NatEngine.TryReserveMappingPair"/>.
    /// </summary>
    /// <param name="preferredPublicPort">The public RTP port to try first (one the far end already chose); 0 for any.</param>
    public bool TryReserveMappingPair(byte protocol, AlgEndpoint insideRtp, uint remoteAddress, long lifetimeNanoseconds, out AlgEndpoint mappedRtp, out DropReason reason, ushort preferredPublicPort = 0)
    {
        if (_engine is null)
        {
            mappedRtp = default;
            reason = DropReason.NotTranslatable;
            return false;
        }

        var ok = _engine.TryReserveMappingPair(protocol, insideRtp.Address, insideRtp.Port, remoteAddress, lifetimeNanoseconds, _now, out var address, out var port, out reason, preferredPublicPort);
        mappedRtp = new AlgEndpoint(address, port);
        return ok;
    }
}
