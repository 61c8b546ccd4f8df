using Alg.Runtime.Flows;

namespace Alg.Runtime.Algs;

/// <summary>What an ALG answers for one packet: rewrites, pinhole requests, consumed stream bytes, findings.</summary>
/// <remarks>
/// A ref struct over buffers the <see cref="AlgStage"/> owns and reuses, so answering allocates nothing. Rewrites
/// must be given in ascending offset order without overlap; the stage refuses (and counts) anything else rather
/// than guess. Capacity is bounded: a full output refuses further requests with false.
/// </remarks>
public ref struct AlgOutput
{
    private readonly Span<AlgRewrite> _rewrites;
    private readonly Span<byte> _bytes;
    private readonly Span<AlgPinholeRequest> _pinholes;
    private int _rewriteCount;
    private int _bytesUsed;
    private int _pinholeCount;
    private int _lastRewriteEnd;
    private bool _outOfOrder;

    public AlgOutput(Span<AlgRewrite> rewrites, Span<byte> bytes, Span<AlgPinholeRequest> pinholes)
    {
        _rewrites = rewrites;
        _bytes = bytes;
        _pinholes = pinholes;
        _rewriteCount = 0;
        _bytesUsed = 0;
        _pinholeCount = 0;
        _lastRewriteEnd = 0;
        _outOfOrder = false;
        Consumed = 0;
        MalformedReason = null;
        StopInspecting = false;
    }

    /// <summary>TCP: how many leading bytes of the data the ALG has finished with; they leave the stream buffer.
    /// Bytes not consumed are given again, with the next segment's appended.</summary>
    public int Consumed { get; set; }

    /// <summary>TCP: the ALG gives up on this connection (e.g. the first message is not its protocol, alg-behaviour
    /// §3 T1); the stage stops buffering it, but seq/ack offsets already recorded stay applied.</summary>
    public bool StopInspecting { get; set; }

    /// <summary>Set by <see cref="ReportMalformed"/>: the packet is forwarded untouched and counted.</summary>
    public string? MalformedReason { get; private set; }

    public readonly int RewriteCount => _rewriteCount;

    public readonly int PinholeCount => _pinholeCount;

    /// <summary>True when a rewrite came before the end of the previous one (refused as a whole by the stage).</summary>
    public readonly bool RewritesOutOfOrder => _outOfOrder;

    /// <summary>Replaces <paramref name="oldLength"/> bytes at <paramref name="offset"/> with <paramref name="newBytes"/>.</summary>
    public bool TryRewrite(int offset, int oldLength, ReadOnlySpan<byte> newBytes)
    {
        if (!TryRewrite(offset, oldLength, newBytes.Length, out var destination))
        {
            return false;
        }

        newBytes.CopyTo(destination);
        return true;
    }

    /// <summary>Reserves <paramref name="newLength"/> bytes for a rewrite the ALG formats in place (no temporary buffers).</summary>
    public bool TryRewrite(int offset, int oldLength, int newLength, out Span<byte> destination)
    {
        if (_rewriteCount == _rewrites.Length || newLength < 0 || oldLength < 0 || offset < 0 || newLength > _bytes.Length - _bytesUsed)
        {
            destination = default;
            return false;
        }

        if (offset < _lastRewriteEnd)
        {
            _outOfOrder = true;
        }

        _rewrites[_rewriteCount++] = new AlgRewrite(offset, oldLength, _bytesUsed, newLength);
        destination = _bytes.Slice(_bytesUsed, newLength);
        _bytesUsed += newLength;
        _lastRewriteEnd = offset + oldLength;
        return true;
    }

    /// <summary>Asks for a pinhole; false when this packet's output is full.</summary>
    public bool TryRequestPinhole(in ExpectationSpec spec, bool replaceOwn = false)
    {
        if (_pinholeCount == _pinholes.Length)
        {
            return false;
        }

        _pinholes[_pinholeCount++] = new AlgPinholeRequest(spec, replaceOwn);
        return true;
    }

    /// <summary>Bad protocol input: no rewrite, no pinhole, the packet is forwarded untouched and counted.</summary>
    /// <param name="reason">A constant string naming what was wrong (kept as the ALG's last malformed reason).</param>
    public void ReportMalformed(string reason) => MalformedReason = reason;

    internal readonly AlgRewrite RewriteAt(int index) => _rewrites[index];

    internal readonly ReadOnlySpan<byte> BytesOf(in AlgRewrite rewrite) => _bytes.Slice(rewrite.BytesStart, rewrite.BytesLength);

    internal readonly AlgPinholeRequest PinholeAt(int index) => _pinholes[index];
}
