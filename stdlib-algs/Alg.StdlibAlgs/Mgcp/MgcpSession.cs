namespace Alg.StdlibAlgs.Mgcp;

/// <summary>What the MGCP ALG remembers about one signalling flow: commands awaiting responses and the calls whose media
/// pinholes it opened. Bounded: a call agent that never answers cannot grow it.</summary>
internal sealed class MgcpSession
{
    /// <summary>Commands awaiting a response at once (ASA's <c>command-queue</c> default is 200; a gateway's
    /// endpoints rarely have more than a few in flight).</summary>
    public const int MaxPending = 32;

    /// <summary>Calls with pinholes remembered at once, for DLCX without a call id and RSIP.</summary>
    public const int MaxCalls = 64;

    private readonly MgcpPendingCommand[] _pending = new MgcpPendingCommand[MaxPending];
    private readonly long[] _callGroups = new long[MaxCalls];
    private readonly long[] _callEndpoints = new long[MaxCalls];
    private int _nextPending;

    /// <summary>When the call agent's way in to the gateway was last refreshed, on the engine's clock.</summary>
    public long SignallingRefreshedAt { get; set; } = long.MinValue;

    public void Remember(in MgcpPendingCommand command)
    {
        for (var i = 0; i < _pending.Length; i++)
        {
            if (_pending[i].TransactionId == command.TransactionId)
            {
                // A retransmission (§3.5.6) keeps one entry.
                _pending[i] = command;
                return;
            }
        }

        _pending[_nextPending] = command;
        _nextPending = (_nextPending + 1) % _pending.Length;
    }

    /// <summary>Takes the command a response answers: same transaction id, sent by the other end, not timed out.
    /// A provisional response (1xx) leaves it waiting for the final one.</summary>
    public bool TryTake(long transactionId, bool responseFromInside, bool final, long now, out MgcpPendingCommand command)
    {
        for (var i = 0; i < _pending.Length; i++)
        {
            var candidate = _pending[i];
            if (candidate.TransactionId == transactionId && candidate.TransactionId != 0 && candidate.FromInside != responseFromInside && candidate.ExpiresAt > now)
            {
                command = candidate;
                if (final)
                {
                    _pending[i] = default;
                }

                return true;
            }
        }

        command = default;
        return false;
    }

    public void AddCall(long group, long endpointHash)
    {
        var free = -1;
        for (var i = 0; i < _callGroups.Length; i++)
        {
            if (_callGroups[i] == group)
            {
                return;
            }

            if (free < 0 && _callGroups[i] == 0)
            {
                free = i;
            }
        }

        // Full: the oldest slot is reused; its pinholes still expire and die with the signalling flow.
        free = free < 0 ? (int)((ulong)group % (ulong)_callGroups.Length) : free;
        _callGroups[free] = group;
        _callEndpoints[free] = endpointHash;
    }

    /// <summary>Forgets and writes to <paramref name="groups"/> the calls of an endpoint (0: every endpoint); returns how many.</summary>
    public int TakeCalls(long endpointHash, Span<long> groups)
    {
        var count = 0;
        for (var i = 0; i < _callGroups.Length && count < groups.Length; i++)
        {
            if (_callGroups[i] != 0 && (endpointHash == 0 || _callEndpoints[i] == endpointHash))
            {
                groups[count++] = _callGroups[i];
                _callGroups[i] = 0;
            }
        }

        return count;
    }

    public void ForgetCall(long group)
    {
        for (var i = 0; i < _callGroups.Length; i++)
        {
            if (_callGroups[i] == group)
            {
                _callGroups[i] = 0;
            }
        }
    }
}
