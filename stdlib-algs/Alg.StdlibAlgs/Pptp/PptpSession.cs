using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs.Pptp;

/// <summary>One control connection: its state, its calls, and the public call ids it holds in the stage's table.</summary>
internal sealed class PptpSession(PptpCallIdTable table, uint publicAddress, uint pac, bool translatesPns) : IEndingAlgSession
{
    private readonly List<PptpCall> _calls = [];

    public PptpControlState State { get; set; }

    /// <summary>The PNS is behind the gateway and translated: its call ids get public ones unique at this PAC.</summary>
    public bool TranslatesPns { get; } = translatesPns;

    public IReadOnlyList<PptpCall> Calls => _calls;

    /// <summary>Records a call the PNS asked for (OCRQ) or answered (ICRP), with the id the PAC will know it by.</summary>
    public bool TryAddCall(ushort pnsCallId, ushort pacCallId, PptpCallState state, out PptpCall call)
    {
        call = default;
        if (_calls.Count >= PptpSettings.MaxCallsPerConnection)
        {
            return false;
        }

        var publicId = pnsCallId;
        if (TranslatesPns && !table.TryReserve(publicAddress, pac, pnsCallId, out publicId))
        {
            return false;
        }

        call = new PptpCall(pnsCallId, publicId, pacCallId, state);
        _calls.Add(call);
        return true;
    }

    /// <summary>An ICRQ from the PAC: a call whose PNS id comes with the PNS's answer.</summary>
    public bool TryAddIncoming(ushort pacCallId)
    {
        if (_calls.Count >= PptpSettings.MaxCallsPerConnection)
        {
            return false;
        }

        _calls.Add(new PptpCall(0, 0, pacCallId, PptpCallState.AwaitingIncomingReply));
        return true;
    }

    public int IndexByPublic(ushort publicCallId, PptpCallState state)
    {
        for (var i = 0; i < _calls.Count; i++)
        {
            if (_calls[i].PublicCallId == publicCallId && _calls[i].State == state)
            {
                return i;
            }
        }

        return -1;
    }

    public int IndexByPublic(ushort publicCallId)
    {
        for (var i = 0; i < _calls.Count; i++)
        {
            if (_calls[i].PublicCallId == publicCallId && _calls[i].State != PptpCallState.AwaitingIncomingReply)
            {
                return i;
            }
        }

        return -1;
    }

    public int IndexByPnsCallId(ushort pnsCallId)
    {
        for (var i = 0; i < _calls.Count; i++)
        {
            if (_calls[i].PnsCallId == pnsCallId && _calls[i].State != PptpCallState.AwaitingIncomingReply)
            {
                return i;
            }
        }

        return -1;
    }

    public int IndexByPac(ushort pacCallId, PptpCallState? state = null)
    {
        for (var i = 0; i < _calls.Count; i++)
        {
            if (_calls[i].PacCallId == pacCallId && (state is null || _calls[i].State == state))
            {
                return i;
            }
        }

        return -1;
    }

    public PptpCall this[int index]
    {
        get => _calls[index];
        set => _calls[index] = value;
    }

    /// <summary>The PNS answered an ICRQ: its id (and the public one the PAC is told) join the call.</summary>
    public bool TryAnswerIncoming(int index, ushort pnsCallId)
    {
        var publicId = pnsCallId;
        if (TranslatesPns && !table.TryReserve(publicAddress, pac, pnsCallId, out publicId))
        {
            return false;
        }

        _calls[index] = _calls[index] with { PnsCallId = pnsCallId, PublicCallId = publicId, State = PptpCallState.AwaitingIncomingConnected };
        return true;
    }

    public void RemoveAt(int index)
    {
        Release(_calls[index]);
        _calls.RemoveAt(index);
    }

    public void Clear()
    {
        foreach (var call in _calls)
        {
            Release(call);
        }

        _calls.Clear();
    }

    /// <summary>The control connection ended: its public call ids are free for other PNSs.</summary>
    public void Ended() => Clear();

    private void Release(PptpCall call)
    {
        if (TranslatesPns && call.State != PptpCallState.AwaitingIncomingReply)
        {
            table.Release(publicAddress, pac, call.PublicCallId);
        }
    }
}
