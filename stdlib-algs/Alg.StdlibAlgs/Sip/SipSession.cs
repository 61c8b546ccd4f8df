namespace Alg.StdlibAlgs.Sip;

/// <summary>What the SIP ALG remembers about one signalling flow. Bounded: fixed arrays, no growth with traffic.</summary>
/// <remarks>
/// Calls are keyed by a hash of their Call-ID in a small direct-mapped table: a collision forgets the older call's
/// answer address (its pinholes then stay limited to the signalling peer), it never mixes two calls' pinholes,
/// which are grouped in the pinhole table by the full 64-bit hash.
/// </remarks>
internal sealed class SipSession
{
    private const int CallSlots = 256;
    private const int RegisterSlots = 8;

    private readonly long[] _callKeys = new long[CallSlots];
    private readonly uint[] _remoteMedia = new uint[CallSlots];
    private readonly bool[] _established = new bool[CallSlots];
    private readonly SipPendingRegister[] _registers = new SipPendingRegister[RegisterSlots];
    private int _nextRegister;

    /// <summary>Set once an outbound top Via was translated: responses' Via are then translated back (RFC 3261
    /// §18.1.2 makes the client drop a response whose sent-by is not what it wrote).</summary>
    public bool ViaTranslated { get; set; }

    /// <summary>Set once an outbound Contact was translated: inbound requests and echoed Contacts are mapped back.
    /// A NAT-aware client that wrote its public address itself never sets it, so nothing of it is touched.</summary>
    public bool ContactTranslated { get; set; }

    /// <summary>Set once an outbound From or To was translated.</summary>
    public bool FromToTranslated { get; set; }

    /// <summary>The media address the far end's SDP named for a call, or 0.</summary>
    public uint RemoteMediaOf(long callId)
    {
        var slot = SlotOf(callId);
        return _callKeys[slot] == callId ? _remoteMedia[slot] : 0;
    }

    public void RememberRemoteMedia(long callId, uint address)
    {
        var slot = Claim(callId);
        _remoteMedia[slot] = address;
    }

    public bool IsEstablished(long callId)
    {
        var slot = SlotOf(callId);
        return _callKeys[slot] == callId && _established[slot];
    }

    public void MarkEstablished(long callId) => _established[Claim(callId)] = true;

    public void Forget(long callId)
    {
        var slot = SlotOf(callId);
        if (_callKeys[slot] == callId)
        {
            _callKeys[slot] = 0;
            _remoteMedia[slot] = 0;
            _established[slot] = false;
        }
    }

    public void AddRegister(in SipPendingRegister register)
    {
        for (var i = 0; i < _registers.Length; i++)
        {
            // A retransmission or a refresh with the same CSeq replaces its own entry.
            if (_registers[i].InUse && _registers[i].CallId == register.CallId && _registers[i].CSeq == register.CSeq)
            {
                _registers[i] = register;
                return;
            }
        }

        _registers[_nextRegister] = register;
        _nextRegister = (_nextRegister + 1) % _registers.Length;
    }

    /// <summary>Finds and, for a final response, removes the REGISTER a response answers: Call-ID, CSeq and branch must all match.</summary>
    public bool TryMatchRegister(long callId, long cseq, long branch, bool final, out SipPendingRegister register)
    {
        for (var i = 0; i < _registers.Length; i++)
        {
            register = _registers[i];
            if (register.InUse && register.CallId == callId && register.CSeq == cseq && register.Branch == branch)
            {
                if (final)
                {
                    _registers[i] = default;
                }

                return true;
            }
        }

        register = default;
        return false;
    }

    private static int SlotOf(long callId) => (int)((ulong)callId % CallSlots);

    private int Claim(long callId)
    {
        var slot = SlotOf(callId);
        if (_callKeys[slot] != callId)
        {
            _callKeys[slot] = callId;
            _remoteMedia[slot] = 0;
            _established[slot] = false;
        }

        return slot;
    }
}
