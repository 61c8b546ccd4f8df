using System.Runtime.InteropServices;

namespace Alg.Runtime.Flows;

/// <summary>One tracked flow, stored by value in the <see cref="FlowTable"/> array.</summary>
/// <remarks>
/// Holds both tuples so a packet from either end finds it in O(1): <see cref="OriginalKey"/> as the
/// initiator's packets arrive, <see cref="ReplyKey"/> as the responder's packets arrive. The translation is
/// implied by the two keys: a packet matching one key leaves as the reverse of the other (the conntrack
/// model), which also covers hairpinning, where both keys are inside keys. Kept at 96 bytes (memory test): the GRE key and the idle timeout fill what was padding.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FlowEntry
{
    public FlowKey OriginalKey;
    public FlowKey ReplyKey;

    /// <summary>Time (ns) after which the flow is dead; <see cref="long.MaxValue"/> means never.</summary>
    public long ExpiresAt;

    /// <summary>The wheel tick the timer is filed under, or -1 when it is not filed.</summary>
    internal long TimerTick;

    internal int NextOriginalChain;
    internal int NextReplyChain;
    internal int TimerNext;
    internal int TimerPrev;
    internal uint Generation;

    /// <summary>Owner-defined index (the NAT mapping this flow holds), or -1.</summary>
    public int MappingIndex;

    /// <summary>The flow that created this one through a pinhole, or -1.</summary>
    public int MasterIndex;

    /// <summary>Index of the per-host limit this flow counts against, or -1.</summary>
    public short HostLimitIndex;

    /// <summary>A PPTP GRE tunnel: the inside host's own call id, written into the key of the packets going to it when
    /// <see cref="RewritesGreKey"/> (RFC 2637 §4.1: the key carries the receiver's call id).</summary>
    public ushort InsideKey;

    /// <summary>Next/previous flow of the same NAT mapping (filtering checks walk them), or -1.</summary>
    public int MappingNextFlow;
    public int MappingPrevFlow;

    public TcpTrackState TcpState;

    /// <summary>Which side sent the first packet.</summary>
    public FlowSide Initiator;

    /// <summary>Bookkeeping bits, see <see cref="FlowEntryFlags"/>.</summary>
    public FlowEntryFlags Flags;

    /// <summary>Packets arriving outside get <see cref="InsideKey"/> as their GRE call id (a PPTP call whose inside
    /// call id the ALG translated).</summary>
    public bool RewritesGreKey;

    /// <summary>The flow's own idle timeout in seconds (a PPTP call's GRE tunnel, an SCTP association's state), or 0
    /// for its protocol's timeout from the policy.</summary>
    public uint IdleSeconds;
}
