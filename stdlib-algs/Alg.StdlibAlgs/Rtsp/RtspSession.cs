namespace Alg.StdlibAlgs.Rtsp;

/// <summary>What the RTSP ALG remembers about one control connection: a bounded set of SETUPs awaiting their reply.</summary>
internal sealed class RtspSession
{
    /// <summary>SETUP port maps remembered at once (Linux's helper: 8 outstanding expectations per connection); a pipelining
    /// client beyond that loses its oldest, which then opens nothing.</summary>
    public const int MaxPendingMaps = 16;

    private readonly RtspPortMap[] _maps = new RtspPortMap[MaxPendingMaps];
    private int _next;

    /// <summary>Per direction (0 client, 1 server): bytes of an interleaved frame still to pass unread.</summary>
    public int[] SkipRemaining { get; } = new int[2];

    /// <summary>SETUPs seen from the client whose reply has not come (server inside: nothing was rewritten in them).</summary>
    private readonly long[] _pendingSetups = [-1, -1, -1, -1, -1, -1, -1, -1];

    public void RememberSetup(long cseq)
    {
        var slots = _pendingSetups;
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] == -1 || slots[i] == cseq)
            {
                slots[i] = cseq;
                return;
            }
        }

        slots[(int)((ulong)cseq % (ulong)slots.Length)] = cseq;
    }

    /// <summary>True (and forgotten) when a SETUP with this CSeq is awaiting its reply.</summary>
    public bool TakeSetup(long cseq)
    {
        var slots = _pendingSetups;
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] == cseq && cseq != -1)
            {
                slots[i] = -1;
                return true;
            }
        }

        return false;
    }

    public void AddMap(in RtspPortMap map)
    {
        _maps[_next] = map;
        _next = (_next + 1) % _maps.Length;
    }

    /// <summary>The map of a SETUP's alternative whose public port the reply names, or false.</summary>
    public bool TryFindMap(long cseq, ushort publicPort, out RtspPortMap map)
    {
        foreach (var candidate in _maps)
        {
            if (candidate.CSeq == cseq && candidate.PublicPort == publicPort && candidate.PublicPort != 0)
            {
                map = candidate;
                return true;
            }
        }

        map = default;
        return false;
    }

    /// <summary>The inside RTP port the SETUP offered in an alternative (a server that changed the ports keeps the
    /// alternative), or 0.</summary>
    public ushort InsidePortOf(long cseq, int alternative, out uint publicAddress)
    {
        foreach (var candidate in _maps)
        {
            if (candidate.CSeq == cseq && candidate.Alternative == alternative && candidate.PublicPort != 0)
            {
                publicAddress = candidate.PublicAddress;
                return candidate.InsidePort;
            }
        }

        publicAddress = 0;
        return 0;
    }
}
