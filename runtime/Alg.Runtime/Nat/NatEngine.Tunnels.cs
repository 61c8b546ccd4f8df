using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>Flows an ALG makes before their first packet: a PPTP call's enhanced GRE tunnel, keyed by call id.</summary>
public sealed partial class NatEngine
{
    /// <summary>
    /// Makes a PPTP call's GRE flow (RFC 2637 §4.1): packets from the inside host are found by the peer's call id and
    /// leave with the mapped address; packets from the peer are found by the call id it was told and reach the inside
    /// host with its own call id in their key. Called by the ALG stage, which has checked the endpoints are the control
    /// connection's own (<see cref="Algs.PinholeGuard"/>'s rule for tunnels).
    /// </summary>
    /// <returns>False with the reason when either key is another flow's (a call id already in use towards that peer) or
    /// the table is full; true also when this very tunnel exists already (a retransmitted reply).</returns>
    internal bool TryOpenGreTunnel(in GreTunnelSpec spec, long now, out DropReason reason)
    {
        reason = DropReason.None;
        var original = spec.OriginalKey;
        var reply = spec.ReplyKey;
        var existing = _flows.Find(original, out var isReply);
        if (existing >= 0)
        {
            if (!isReply && _flows[existing].ReplyKey.Equals(reply) && _flows[existing].MasterIndex == spec.Master.Index)
            {
                return true;
            }

            reason = DropReason.PortsExhausted;
            return false;
        }

        if (_flows.Find(reply, out _) >= 0)
        {
            reason = DropReason.PortsExhausted;
            return false;
        }

        if (_flows.Count >= Math.Min(_program.Limits.MaxEntries ?? long.MaxValue, _flowCapacity)
            || !_flows.TryInsert(original, reply, now, now, out var index))
        {
            reason = DropReason.FlowTableFull;
            return false;
        }

        ref var flow = ref _flows[index];
        flow.Initiator = spec.InsideInitiated ? FlowSide.Inside : FlowSide.Outside;
        flow.MasterIndex = _flows.IsLive(spec.Master) ? spec.Master.Index : -1;
        flow.InsideKey = spec.InsideCallId;
        flow.RewritesGreKey = spec.InsideCallId != spec.MappedCallId;
        flow.IdleSeconds = spec.IdleSeconds;
        if (spec.MappedAddress != spec.InsideAddress || flow.RewritesGreKey)
        {
            flow.Flags |= spec.InsideInitiated ? FlowEntryFlags.SourceTranslated : FlowEntryFlags.DestinationTranslated;
        }

        var timeout = spec.IdleSeconds != 0 ? spec.IdleSeconds * NatTimeouts.Second : _timeouts.Gre;
        _flows.Refresh(index, timeout == NatTimeouts.Never ? long.MaxValue : now + timeout, now);
        FlowsCreated++;
        return true;
    }

    /// <summary>Removes a tunnel <see cref="TryOpenGreTunnel"/> made for this control connection (its call ended); a
    /// flow of that key that is not the master's own is left alone.</summary>
    internal bool CloseGreTunnel(in FlowKey original, FlowId master, long now)
    {
        var index = _flows.Find(original, out var isReply);
        if (index < 0 || isReply || _flows[index].MasterIndex != master.Index || original.Protocol != IpProtocol.Gre)
        {
            return false;
        }

        RemoveFlow(index, now);
        return true;
    }
}
