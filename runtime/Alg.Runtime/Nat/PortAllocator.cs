namespace Alg.Runtime.Nat;

/// <summary>The transport ports (or ICMP identifiers) of one external address and protocol.</summary>
/// <remarks>
/// One 32-bit word per port holds the second until which it is unavailable: <see cref="uint.MaxValue"/>
/// while a mapping holds it, release time + hold after (RFC 6888 REQ-8: a freed port waits at least 120 s
/// before reuse). Allocation only hands out 1024-65535 (never 0, never a well-known port: NAT
/// Slipstreaming T5), starting at a random point and walking up with wrap inside that range (RFC 6056 §3.3.2).
/// </remarks>
public sealed class PortAllocator
{
    public const int FirstDynamicPort = 1024;
    public const int LastPort = 65535;
    private const int RangeSize = LastPort - FirstDynamicPort + 1;
    private const uint InUse = uint.MaxValue;

    private readonly uint[] _busyUntilSecond = new uint[LastPort + 1];
    private readonly uint _holdSeconds;

    public PortAllocator(uint holdSeconds)
    {
        _holdSeconds = holdSeconds;
    }

    public int InUseCount { get; private set; }

    public bool IsFree(int port, long nowSecond) => _busyUntilSecond[port] != InUse && _busyUntilSecond[port] <= nowSecond;

    /// <summary>Takes exactly <paramref name="port"/> (port preservation, static forwards); false when taken or held.</summary>
    public bool TryTake(int port, long nowSecond)
    {
        if (port <= 0 || port > LastPort || !IsFree(port, nowSecond))
        {
            return false;
        }

        _busyUntilSecond[port] = InUse;
        InUseCount++;
        return true;
    }

    /// <summary>Takes a free port from 1024-65535 starting at a random point; -1 when all are taken or held.</summary>
    public int TakeAny(ref DeterministicRandom random, long nowSecond)
    {
        var start = random.Next(RangeSize);
        for (var i = 0; i < RangeSize; i++)
        {
            var port = FirstDynamicPort + ((start + i) % RangeSize);
            if (IsFree(port, nowSecond))
            {
                _busyUntilSecond[port] = InUse;
                InUseCount++;
                return port;
            }
        }

        return -1;
    }

    /// <summary>An even port whose odd neighbour is free too (an RTP/RTCP pair, RFC 3550 §11), searched from a random
    /// point; nothing is taken. -1 when there is none.</summary>
    public int FindFreePair(ref DeterministicRandom random, long nowSecond)
    {
        const int pairs = RangeSize / 2;
        var start = random.Next(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var port = FirstDynamicPort + (2 * ((start + i) % pairs));
            if (IsFree(port, nowSecond) && IsFree(port + 1, nowSecond))
            {
                return port;
            }
        }

        return -1;
    }

    /// <summary>Gives a port back; it becomes usable again after the hold time.</summary>
    public void Release(int port, long nowSecond)
    {
        if (_busyUntilSecond[port] == InUse)
        {
            _busyUntilSecond[port] = (uint)Math.Min(uint.MaxValue - 1, nowSecond + _holdSeconds);
            InUseCount--;
        }
    }
}
