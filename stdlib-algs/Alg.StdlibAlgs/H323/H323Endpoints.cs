namespace Alg.StdlibAlgs.H323;

/// <summary>
/// What the three H.323 ALGs of one stage share: the inside endpoints seen using H.460.17/18/19/23/24 traversal, so
/// their registrations, calls (on fresh TCP connections too) and channels pass untouched until the registration's
/// time-to-live (algs.md §4.6: "remember the decision per registration").
/// </summary>
/// <remarks>One instance per stage (handlers run on one thread). Bounded: when full, expired entries are dropped and,
/// if none expired, the new endpoint is not remembered (its next RRQ or Setup with features marks it again).</remarks>
public sealed class H323Endpoints
{
    public const int Capacity = 4096;

    private readonly Dictionary<uint, long> _traversalUntil = new(64);

    /// <summary>How many endpoints are remembered.</summary>
    public int Count => _traversalUntil.Count;

    /// <summary>Remembers <paramref name="insideAddress"/> as an H.460 endpoint for <paramref name="lifetime"/>.</summary>
    public void MarkTraversal(uint insideAddress, long now, long lifetime)
    {
        var until = now + lifetime;
        if (_traversalUntil.Count >= Capacity && !_traversalUntil.ContainsKey(insideAddress))
        {
            Sweep(now);
            if (_traversalUntil.Count >= Capacity)
            {
                return;
            }
        }

        _traversalUntil[insideAddress] = _traversalUntil.TryGetValue(insideAddress, out var old) ? Math.Max(old, until) : until;
    }

    /// <summary>Whether <paramref name="insideAddress"/> is an H.460 endpoint at <paramref name="now"/>.</summary>
    public bool UsesTraversal(uint insideAddress, long now)
    {
        if (_traversalUntil.Count == 0 || !_traversalUntil.TryGetValue(insideAddress, out var until))
        {
            return false;
        }

        if (until > now)
        {
            return true;
        }

        _traversalUntil.Remove(insideAddress);
        return false;
    }

    /// <summary>Forgets an endpoint (it unregistered).</summary>
    public void Forget(uint insideAddress) => _traversalUntil.Remove(insideAddress);

    private void Sweep(long now)
    {
        foreach (var (address, until) in _traversalUntil)
        {
            if (until <= now)
            {
                _traversalUntil.Remove(address);
            }
        }
    }
}
