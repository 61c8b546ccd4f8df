namespace Alg.Runtime.Flows;

/// <summary>What the PPTP ALG asks for when a call connects: the call's enhanced GRE flow, made before its first packet
/// (RFC 2637 §4.1). The key of a GRE packet is its receiver's call id, so each end's id names the packets going to it.</summary>
/// <param name="InsideAddress">The inside host's real address (a PNS behind the gateway, or a PAC behind a static NAT).</param>
/// <param name="InsideCallId">The call id the inside host chose: packets going to it carry it.</param>
/// <param name="MappedAddress">The inside host's address as the outside sees it.</param>
/// <param name="MappedCallId">The call id the outside peer was told (the translated one): its packets arrive with it.</param>
/// <param name="RemoteAddress">The outside peer (the control connection's).</param>
/// <param name="RemoteCallId">The call id the outside peer chose: packets going to it carry it, untouched.</param>
/// <param name="InsideInitiated">The control connection started inside (a PNS calling out): the tunnel's original
/// direction is the inside host's, as its control connection's.</param>
/// <param name="IdleSeconds">The tunnel's idle timeout (ASA <c>timeout pptp-gre</c>, IOS <c>pptp-timeout</c>); 0: the
/// policy's GRE timeout.</param>
/// <param name="Master">The control connection: the tunnel goes with it.</param>
public readonly record struct GreTunnelSpec(
    uint InsideAddress,
    ushort InsideCallId,
    uint MappedAddress,
    ushort MappedCallId,
    uint RemoteAddress,
    ushort RemoteCallId,
    bool InsideInitiated,
    uint IdleSeconds,
    FlowId Master)
{
    /// <summary>The key the tunnel's first-direction packets arrive with (what closes it again).</summary>
    public FlowKey OriginalKey => InsideInitiated
        ? new FlowKey(InsideAddress, RemoteAddress, 0, RemoteCallId, Packets.IpProtocol.Gre, FlowSide.Inside)
        : new FlowKey(RemoteAddress, MappedAddress, 0, MappedCallId, Packets.IpProtocol.Gre, FlowSide.Outside);

    /// <summary>The key the other direction's packets arrive with.</summary>
    public FlowKey ReplyKey => InsideInitiated
        ? new FlowKey(RemoteAddress, MappedAddress, 0, MappedCallId, Packets.IpProtocol.Gre, FlowSide.Outside)
        : new FlowKey(InsideAddress, RemoteAddress, 0, RemoteCallId, Packets.IpProtocol.Gre, FlowSide.Inside);
}
