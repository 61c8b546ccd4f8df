namespace Alg.Runtime.Nat;

/// <summary>SplitMix64: a small, allocation-free generator, seeded so tests see the same ports every run.</summary>
/// <remarks>Port randomisation (RFC 6056 §3.3.1) needs unpredictability to an outside observer, not crypto
/// strength per packet; production seeds it from <see cref="System.Security.Cryptography.RandomNumberGenerator"/>.</remarks>
public struct DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed)
    {
        _state = seed;
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);
}
