namespace Alg.StdlibAlgs.SunRpc;

/// <summary>What the SunRPC ALG remembers about one portmapper flow (a UDP client endpoint or a TCP connection): its
/// calls awaiting replies, and per direction where the TCP record framing stands. Bounded: a client that never gets
/// answers cannot grow it.</summary>
internal sealed class SunRpcSession
{
    /// <summary>Calls awaiting a reply at once (rpcinfo asks one at a time; a retrying client a few).</summary>
    public const int MaxPending = 16;

    private readonly SunRpcPendingCall[] _pending = new SunRpcPendingCall[MaxPending];
    private int _next;

    /// <summary>Per direction (0 client, 1 server): bytes of a fragment still to pass unread (an oversized record).</summary>
    public int[] SkipRemaining { get; } = new int[2];

    /// <summary>Per direction: the oversized record being passed has more fragments, each behind its own mark.</summary>
    public bool[] SkippingRecord { get; } = new bool[2];

    /// <summary>Remembers a call; a retransmission (same xid) keeps one entry, and when full the oldest is forgotten.</summary>
    public void Remember(in SunRpcPendingCall call)
    {
        for (var i = 0; i < _pending.Length; i++)
        {
            if (_pending[i].Kind != SunRpcQueryKind.None && _pending[i].Xid == call.Xid)
            {
                _pending[i] = call;
                return;
            }
        }

        _pending[_next] = call;
        _next = (_next + 1) % _pending.Length;
    }

    public bool HasPending(long now)
    {
        foreach (var call in _pending)
        {
            if (call.Kind != SunRpcQueryKind.None && call.ExpiresAt > now)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes the call a reply answers: the same xid on this flow, not timed out.</summary>
    public bool TryTake(uint xid, long now, out SunRpcPendingCall call)
    {
        for (var i = 0; i < _pending.Length; i++)
        {
            var candidate = _pending[i];
            if (candidate.Kind != SunRpcQueryKind.None && candidate.Xid == xid)
            {
                _pending[i] = default;
                if (candidate.ExpiresAt > now)
                {
                    call = candidate;
                    return true;
                }
            }
        }

        call = default;
        return false;
    }
}
