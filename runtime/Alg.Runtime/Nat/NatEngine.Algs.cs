using Alg.Runtime.Algs;
using Alg.Runtime.Flows;

namespace Alg.Runtime.Nat;

/// <summary>The ALG hook: an optional <see cref="AlgStage"/> sees every translated packet of a known flow.</summary>
public sealed partial class NatEngine
{
    private AlgStage? _algStage;

    /// <summary>The ALG stage this engine calls, or null when ALGs are off.</summary>
    public AlgStage? Algs => _algStage;

    /// <summary>Turns ALGs on (a stage built for this engine's policy) or off (null); takes effect with the next packet.</summary>
    public void UseAlgs(AlgStage? stage) => _algStage = stage;

    /// <summary>An ALG sets a flow's own idle timeout (an SCTP association's state), or with 0 gives it back its
    /// protocol's; it applies from now.</summary>
    internal void SetIdleSeconds(FlowId id, uint seconds, long now)
    {
        if (!_flows.IsLive(id))
        {
            return;
        }

        ref var flow = ref _flows[id.Index];
        flow.IdleSeconds = seconds;
        var timeout = seconds != 0 ? seconds * NatTimeouts.Second : _timeouts.For(flow.OriginalKey.Protocol, flow.TcpState, flow.OriginalKey.DestinationPort);
        _flows.Refresh(id.Index, timeout == NatTimeouts.Never ? long.MaxValue : now + timeout, now);
    }

    /// <summary>
    /// Ties a flow a pinhole let in from outside to the dynamic mapping it was addressed to, so the mapping (and
    /// its port) lives as long as that flow and not only as long as the signalling flow that asked for the pinhole
    /// (a TFTP transfer outlives its RRQ's flow). Cheap when there is nothing to do.
    /// </summary>
    /// <remarks>Here rather than in flow creation to keep the ALG work out of NatEngine.NewFlows.cs for now;
    /// <c>CreateFromOutside</c> could do the same lookup when a pinhole matches.</remarks>
    internal void AdoptMappingOfPinholeFlow(int flowIndex)
    {
        ref var flow = ref _flows[flowIndex];
        if (flow.MappingIndex >= 0 || flow.Initiator != FlowSide.Outside || (flow.Flags & FlowEntryFlags.FromExpectation) == 0)
        {
            return;
        }

        ref readonly var key = ref flow.OriginalKey;
        if (key.Protocol == Packets.IpProtocol.Esp)
        {
            // ESP mappings share one address and no port names the right one; a gate's flow needs none (its keys say it all).
            return;
        }

        var mappingIndex = _mappings.FindByExternal(key.Protocol, key.Destination, key.DestinationPort);
        if (mappingIndex < 0)
        {
            mappingIndex = _mappings.FindByExternal(0, key.Destination, 0);
        }

        if (mappingIndex < 0)
        {
            return;
        }

        // Attach also files the host limit, which the flow already counts against: keep that as it is.
        var hostLimit = flow.HostLimitIndex;
        Attach(flowIndex, mappingIndex, -1);
        _flows[flowIndex].HostLimitIndex = hostLimit;
    }
}
