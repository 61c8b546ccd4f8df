namespace Alg.StdlibAlgs.MsRpc;

/// <summary>What the MS-RPC ALG remembers about one connection (or UDP flow) to port 135: the presentation contexts the
/// server accepted for the endpoint mapper or DCOM activation, the bind awaiting its ack, the requests awaiting
/// responses, and per direction the bytes of a PDU still to pass unread. Bounded throughout.</summary>
internal sealed class MsRpcSession
{
    public const int MaxTrackedContexts = 8;
    public const int MaxPending = 8;

    private readonly ushort[] _contextIds = new ushort[MaxTrackedContexts];
    private readonly MsRpcInterfaceKind[] _contextKinds = new MsRpcInterfaceKind[MaxTrackedContexts];
    private readonly bool[] _contextNdr64 = new bool[MaxTrackedContexts];
    private readonly MsRpcPendingCall[] _pending = new MsRpcPendingCall[MaxPending];
    private int _contextCount;
    private int _nextPending;

    /// <summary>Per direction (0 client, 1 server): bytes of a PDU still to pass unread.</summary>
    public int[] SkipRemaining { get; } = new int[2];

    /// <summary>The bind or alter_context awaiting its ack: its call_id and offered contexts in order.</summary>
    public uint OfferedCallId { get; set; }

    public int OfferedCount { get; set; }

    public ushort[] OfferedIds { get; } = new ushort[MsRpcContextParser.MaxContexts];

    public MsRpcInterfaceKind[] OfferedKinds { get; } = new MsRpcInterfaceKind[MsRpcContextParser.MaxContexts];

    /// <summary>A call whose reply is passing unread (too long, or not readable): its later fragments are skipped.</summary>
    public uint IgnoredCallId { get; set; }

    public bool IgnoringCall { get; set; }

    /// <summary>A reply from a server inside translated as it passes: its towers already forwarded were rewritten then.</summary>
    public uint StreamingCallId { get; set; }

    public bool StreamingCall { get; set; }

    public MsRpcInterfaceKind KindOf(ushort contextId)
    {
        for (var i = 0; i < _contextCount; i++)
        {
            if (_contextIds[i] == contextId)
            {
                return _contextKinds[i];
            }
        }

        return MsRpcInterfaceKind.Other;
    }

    public bool IsNdr64(ushort contextId)
    {
        for (var i = 0; i < _contextCount; i++)
        {
            if (_contextIds[i] == contextId)
            {
                return _contextNdr64[i];
            }
        }

        return false;
    }

    /// <summary>Records a context the server accepted; a context id bound again takes its new interface.</summary>
    public void Accept(ushort contextId, MsRpcInterfaceKind kind, bool ndr64)
    {
        for (var i = 0; i < _contextCount; i++)
        {
            if (_contextIds[i] == contextId)
            {
                _contextKinds[i] = kind;
                _contextNdr64[i] = ndr64;
                return;
            }
        }

        if (kind == MsRpcInterfaceKind.Other)
        {
            return;
        }

        var slot = _contextCount < _contextIds.Length ? _contextCount++ : contextId % _contextIds.Length;
        _contextIds[slot] = contextId;
        _contextKinds[slot] = kind;
        _contextNdr64[slot] = ndr64;
    }

    public void Remember(in MsRpcPendingCall call)
    {
        for (var i = 0; i < _pending.Length; i++)
        {
            if (_pending[i].Kind != MsRpcCallKind.None && _pending[i].CallId == call.CallId && _pending[i].Activity == call.Activity)
            {
                _pending[i] = call;
                return;
            }
        }

        _pending[_nextPending] = call;
        _nextPending = (_nextPending + 1) % _pending.Length;
    }

    /// <summary>Finds the request a response answers; <paramref name="take"/> forgets it (its last fragment).</summary>
    public bool TryFind(uint callId, Guid activity, long now, bool take, out MsRpcPendingCall call)
    {
        for (var i = 0; i < _pending.Length; i++)
        {
            var candidate = _pending[i];
            if (candidate.Kind != MsRpcCallKind.None && candidate.CallId == callId && candidate.Activity == activity)
            {
                if (take || candidate.ExpiresAt <= now)
                {
                    _pending[i] = default;
                }

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

    public bool HasPending(long now)
    {
        foreach (var call in _pending)
        {
            if (call.Kind != MsRpcCallKind.None && call.ExpiresAt > now)
            {
                return true;
            }
        }

        return false;
    }
}
