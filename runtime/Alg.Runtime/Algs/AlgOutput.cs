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
    private readonly Span<AlgGroupCommand> _groupCommands;
    private readonly Span<AlgTunnelRequest> _tunnels;
    private int _tunnelCount;
    private int _rewriteCount;
    private int _groupCommandCount;
    private int _bytesUsed;
    private int _pinholeCount;
    private int _lastRewriteEnd;
    private bool _outOfOrder;

    public AlgOutput(Span<AlgRewrite> rewrites, Span<byte> bytes, Span<AlgPinholeRequest> pinholes, Span<AlgGroupCommand> groupCommands = default, Span<AlgTunnelRequest> tunnels = default)
    {
        _rewrites = rewrites;
        _bytes = bytes;
        _pinholes = pinholes;
        _groupCommands = groupCommands;
        _tunnels = tunnels;
        _tunnelCount = 0;
        IdleSeconds = null;
        _groupCommandCount = 0;
        DropReasonText = null;
        DropConnection = false;
        HoldFrom = -1;
        _rewriteCount = 0;
        _bytesUsed = 0;
        _pinholeCount = 0;
        _lastRewriteEnd = 0;
        _outOfOrder = false;
        Consumed = 0;
        MalformedReason = null;
        PartRefusedReason = null;
        StopInspecting = false;
    }

    /// <summary>TCP: how many leading bytes of the data the ALG has finished with; they leave the stream buffer.
    /// Bytes not consumed are given again, with the next segment's appended.</summary>
    public int Consumed { get; set; }

    /// <summary>TCP: where in the data an unfinished message starts (-1: none). The stage holds those bytes back and
    /// gives them again, with the rest, in front of the next segment, so the message can be rewritten whole.</summary>
    public int HoldFrom { get; set; }

    /// <summary>TCP: the ALG gives up on this connection (e.g. the first message is not its protocol, alg-behaviour
    /// §3 T1); the stage stops buffering it, but seq/ack offsets already recorded stay applied.</summary>
    public bool StopInspecting { get; set; }

    /// <summary>Set by <see cref="ReportMalformed"/>: the packet is forwarded untouched and counted.</summary>
    public string? MalformedReason { get; private set; }

    /// <summary>Set by <see cref="RequestDrop"/>: a configured policy says this packet must not pass.</summary>
    public string? DropReasonText { get; private set; }

    /// <summary>With <see cref="DropReasonText"/>: every later packet of the connection is dropped too.</summary>
    public bool DropConnection { get; private set; }

    public readonly int RewriteCount => _rewriteCount;

    public readonly int GroupCommandCount => _groupCommandCount;

    public readonly int PinholeCount => _pinholeCount;

    public readonly int TunnelCount => _tunnelCount;

    /// <summary>From this packet on the flow's idle timeout in seconds (an SCTP association's state: a half-open or closing
    /// association lives briefly, RFC 9260 §4); 0 gives it back its protocol's timeout from the policy; null leaves it.</summary>
    public uint? IdleSeconds { get; set; }

    /// <summary>True when a rewrite came before the end of the previous one (refused as a whole by the stage).</summary>
    public readonly bool RewritesOutOfOrder => _outOfOrder;

    /// <summary>True when <paramref name="rewrites"/> more rewrites totalling <paramref name="bytes"/> new bytes fit, so an
    /// ALG can give all of a message's edits or none (half an edit is worse than none).</summary>
    public readonly bool HasRoomFor(int rewrites, int bytes) =>
        _rewrites.Length - _rewriteCount >= rewrites && _bytes.Length - _bytesUsed >= bytes;

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

    /// <summary>Asks for a PPTP call's GRE tunnel (the call connected); the stage checks its endpoints are this control
    /// connection's own. False when this packet's output is full.</summary>
    public bool TryOpenGreTunnel(in GreTunnelSpec spec) => TryAddTunnel(new AlgTunnelRequest(spec, false));

    /// <summary>Closes a tunnel this control connection opened (the call was cleared or disconnected).</summary>
    public bool TryCloseGreTunnel(in GreTunnelSpec spec) => TryAddTunnel(new AlgTunnelRequest(spec, true));

    /// <summary>Closes every pinhole of one conversation (applied before this packet's new pinholes).</summary>
    public bool TryRemovePinholeGroup(long group) => TryAddGroupCommand(new AlgGroupCommand(group, false, default, 0));

    /// <summary>The conversation of <paramref name="group"/> ended on this connection: every pinhole that the connections
    /// its pinholes admitted opened (an H.323 call's separate H.245 connection and its media) closes too.</summary>
    public bool TryEndAdmittedConnections(long group) => TryAddGroupCommand(new AlgGroupCommand(group, false, default, 0, EndAdmitted: true));

    /// <summary>Narrows one conversation's pinholes to <paramref name="peer"/> and resets their lifetime.</summary>
    public bool TryRestrictPinholeGroup(long group, ExpectedPeer peer, long lifetimeNanoseconds) =>
        TryAddGroupCommand(new AlgGroupCommand(group, true, peer, lifetimeNanoseconds));

    /// <summary>
    /// Drops the packet because an option the user configured says so (an ALG never drops on its own: it
    /// translates, alg-behaviour §2 #15). Rewrites and pinholes of this packet are discarded.
    /// </summary>
    /// <param name="reason">A constant string naming the violated check.</param>
    /// <param name="wholeConnection">Also drop every later packet of the flow (ASA <c>drop-connection</c>/<c>reset</c>).</param>
    public void RequestDrop(string reason, bool wholeConnection)
    {
        DropReasonText = reason;
        DropConnection |= wholeConnection;
    }

    /// <summary>Bad protocol input: no rewrite, no pinhole, the packet is forwarded untouched and counted.</summary>
    /// <param name="reason">A constant string naming what was wrong (kept as the ALG's last malformed reason).</param>
    public void ReportMalformed(string reason) => MalformedReason = reason;

    /// <summary>Why a part of the message was refused (removed by a rewrite, or left untranslated and opening nothing)
    /// while the rest of the ALG's work still applies; counted, unlike <see cref="ReportMalformed"/> nothing is voided.</summary>
    public string? PartRefusedReason { get; private set; }

    /// <summary>Reports a refused part (an RTSP <c>destination=</c> naming another host, stripped); see
    /// <see cref="PartRefusedReason"/>.</summary>
    public void ReportPartRefused(string reason) => PartRefusedReason = reason;

    private bool TryAddTunnel(in AlgTunnelRequest request)
    {
        if (_tunnelCount == _tunnels.Length)
        {
            return false;
        }

        _tunnels[_tunnelCount++] = request;
        return true;
    }

    internal readonly AlgTunnelRequest TunnelAt(int index) => _tunnels[index];

    private bool TryAddGroupCommand(in AlgGroupCommand command)
    {
        if (command.Group == 0 || _groupCommandCount == _groupCommands.Length)
        {
            return false;
        }

        _groupCommands[_groupCommandCount++] = command;
        return true;
    }

    internal readonly AlgGroupCommand GroupCommandAt(int index) => _groupCommands[index];

    internal readonly AlgRewrite RewriteAt(int index) => _rewrites[index];

    internal readonly ReadOnlySpan<byte> BytesOf(in AlgRewrite rewrite) => _bytes.Slice(rewrite.BytesStart, rewrite.BytesLength);

    internal readonly AlgPinholeRequest PinholeAt(int index) => _pinholes[index];
}
