namespace Alg.Host.Linux;

/// <summary>
/// IPv4 → MAC for the hosts on one interface's subnet, learnt from the ARP and IPv4 frames that arrive, and the
/// frames waiting for an address still being resolved.
/// </summary>
/// <remarks>
/// The gateway resolves next hops itself rather than through the kernel's neighbour table: the kernel never
/// sends our frames, so it would never resolve the hosts they go to. Frames wait at most
/// <see cref="MaxWaitNanoseconds"/> and at most <see cref="MaxHeldFrames"/> per address (RFC 1122 §2.3.2.2
/// asks for at least one; Linux holds up to 212,992 bytes, about 140 full frames or many more small ones, and
/// at a few thousand SIP messages a second a next hop's first ARP round trip must not cost retransmissions);
/// only the miss path allocates.
/// </remarks>
internal sealed class NeighbourTable
{
    public const int MaxHeldFrames = 256;
    public const long MaxWaitNanoseconds = 3_000_000_000;
    public const long RequestIntervalNanoseconds = 1_000_000_000;
    private readonly Dictionary<uint, ulong> _macs = [];
    private readonly Dictionary<uint, PendingResolution> _pending = [];

    public int Count => _macs.Count;

    public int PendingCount => _pending.Count;

    public bool TryGet(uint address, out ulong mac) => _macs.TryGetValue(address, out mac);

    /// <summary>Records a host's MAC; the frames that waited for it are returned to be sent.</summary>
    public List<byte[]>? Learn(uint address, ulong mac)
    {
        if (!_macs.TryGetValue(address, out var known) || known != mac)
        {
            _macs[address] = mac;
        }

        return _pending.Remove(address, out var pending) ? pending.Frames : null;
    }

    /// <summary>Keeps a copy of a frame until its next hop resolves; true when an ARP request is due now.</summary>
    public bool Hold(uint address, ReadOnlySpan<byte> frame, long now, out bool dropped)
    {
        if (!_pending.TryGetValue(address, out var pending))
        {
            pending = new PendingResolution(now);
            _pending[address] = pending;
        }

        dropped = pending.Frames.Count >= MaxHeldFrames;
        if (!dropped)
        {
            pending.Frames.Add(frame.ToArray());
        }

        if (now - pending.LastRequest < RequestIntervalNanoseconds && pending.Frames.Count > 1)
        {
            return false;
        }

        pending.LastRequest = now;
        return true;
    }

    /// <summary>Drops resolutions that waited too long; returns how many frames were given up.</summary>
    public int Expire(long now)
    {
        var given = 0;
        List<uint>? stale = null;
        foreach (var (address, pending) in _pending)
        {
            if (now - pending.Started > MaxWaitNanoseconds)
            {
                (stale ??= []).Add(address);
                given += pending.Frames.Count;
            }
        }

        foreach (var address in stale ?? [])
        {
            _pending.Remove(address);
        }

        return given;
    }
}
