using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Nat;

/// <summary>
/// Map entries: pinholes open to any peer whose admission re-checks the arrival interface's inbound ACL as if the packet
/// were addressed to the endpoint the entry was learnt on (<see cref="AdmissionProxy"/>: a port mapper's map, kept for
/// Junos <c>map-entry-timeout</c> so later clients reach the service too). The question goes to the engine walking the
/// packet, so the interpreter and the compiled class answer it as they answer the ACL step itself.
/// </summary>
public sealed partial class NatEngine : IExpectationGate
{
    /// <summary>Whether the sender of <paramref name="firstPacket"/> may reach the proxy endpoint: no inbound ACL on its
    /// arrival interface lets anyone; otherwise that ACL decides, on the real or the arrival address as it reads them.</summary>
    bool IExpectationGate.Admits(in ExpectationSpec spec, in FlowKey firstPacket)
    {
        var side = firstPacket.Side;
        var arrival = _program.InterfaceSelector.For(side, side == FlowSide.Inside ? firstPacket.Source : firstPacket.Destination);
        if (arrival < 0)
        {
            return true;
        }

        var plan = _program.Interfaces[arrival];
        if (plan.InboundAclId < 0)
        {
            return true;
        }

        var proxy = spec.AdmitLike;
        var tuple = plan.InboundAclMatchesRealAddresses
            ? new PacketTuple(firstPacket.Source, proxy.RealAddress, firstPacket.SourcePort, proxy.RealPort, proxy.Protocol, false)
            : new PacketTuple(firstPacket.Source, proxy.Address, firstPacket.SourcePort, proxy.Port, proxy.Protocol, false);
        return _walkingEngine.PermitInbound(arrival, in tuple);
    }

    /// <summary>A new program no longer enabling an ALG ends that ALG's map: its entries stop admitting at once.</summary>
    private void CloseMapEntriesOfDisabledAlgs(PipelineProgram program)
    {
        if (_expectations.Count == 0)
        {
            return;
        }

        var enabled = new HashSet<int>();
        foreach (var alg in program.Algs)
        {
            enabled.Add(AlgStage.OwnerTagOf(alg.Name));
        }

        _expectations.RemoveMapEntries(enabled.Contains);
    }
}
