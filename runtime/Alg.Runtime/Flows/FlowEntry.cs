using System.Runtime.InteropServices;

namespace Alg.Runtime.Flows;

/// <summary>One tracked flow, stored by value in the <see cref="FlowTable"/> array.</summary>
/// <remarks>
/// Holds both tuples so a packet from either side finds it in O(1): <see cref="InsideKey"/> as packets
/// arrive on the inside (before translation), <see cref="OutsideKey"/> as replies arrive on the outside.
/// The translation is implied by the two keys. Kept at 96 bytes or less (see the memory test).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FlowEntry
{
    public FlowKey InsideKey;
    public FlowKey OutsideKey;

    /// <summary>Time (ns) after which the flow is dead; <see cref="long.MaxValue"/> means never.</summary>
    public long ExpiresAt;

    /// <summary>The wheel tick the timer is filed under, or -1 when it is not filed.</summary>
    internal long TimerTick;

    internal int NextInsideChain;
    internal int NextOutsideChain;
    internal int TimerNext;
    internal int TimerPrev;
    internal uint Generation;

    /// <summary>Owner-defined index (the NAT mapping this flow holds), or -1.</summary>
    public int MappingIndex;

    /// <summary>The flow that created this one through a pinhole, or -1.</summary>
    public int MasterIndex;

    /// <summary>Index of the per-host limit this flow counts against, or -1.</summary>
    public short HostLimitIndex;

    public TcpTrackState TcpState;

    /// <summary>Which side sent the first packet.</summary>
    public FlowSide Initiator;

    /// <summary>Bit 0: FIN seen from inside; bit 1: FIN seen from outside; bit 2: in use.</summary>
    public byte Flags;

    internal const byte FinFromInside = 1;
    internal const byte FinFromOutside = 2;
    internal const byte InUse = 4;
}
