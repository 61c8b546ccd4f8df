using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>The outcome of one packet through the engine.</summary>
/// <param name="Flow">The flow the packet belongs to (none for drops, non-IP and IPv6).</param>
/// <param name="IsReply">True when the packet travelled the flow's reply direction.</param>
/// <param name="Side">The side it arrived on.</param>
public readonly record struct NatVerdict(NatAction Action, DropReason Reason, FlowId Flow, bool IsReply, Flows.FlowSide Side)
{
    public static NatVerdict Drop(DropReason reason, FlowSide side = FlowSide.Inside) => new(NatAction.Drop, reason, FlowId.None, false, side);

    public static NatVerdict ForwardUntracked => new(NatAction.Forward, DropReason.None, FlowId.None, false, FlowSide.Inside);

    public static NatVerdict Held => new(NatAction.Held, DropReason.None, FlowId.None, false, FlowSide.Inside);
}
