using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.Runtime.Pipeline;

/// <summary>
/// An engine for one lowered configuration: it walks a packet through the IR's steps (<see cref="Run"/>) and answers
/// the policy's questions on the way — ACL verdicts, which NAT rule a new flow takes, which ALG inspects a port. The
/// interpreter walks the IR as data; the compiled engine is a class generated for the configuration, the same walk
/// unrolled. Both must give the same answer and the same packet for every input.
/// </summary>
/// <remarks>Implementations are immutable and allocation-free per packet, so a swap between two packets is a reference
/// store; flow, mapping and pinhole state lives in <see cref="NatEngine"/> and survives every swap.</remarks>
public interface IPipelineEngine
{
    /// <summary>The IR this engine was built from.</summary>
    Ir.PipelineProgram Program { get; }

    /// <summary>Walks one packet through the steps of its ingress side's plan after the flow lookup (the runtime's first
    /// step of every plan, already done), calling <paramref name="nat"/> for each.</summary>
    NatVerdict Run(NatEngine nat, ref PacketWalk walk);

    /// <summary>ACL verdict for a packet arriving on an interface (true when no ACL is applied there).</summary>
    bool PermitInbound(int interfaceId, in PacketTuple tuple);

    /// <summary>ACL verdict for a packet leaving through an interface.</summary>
    bool PermitOutbound(int interfaceId, in PacketTuple tuple);

    /// <summary>First matching ACL rule of an ACL, or -1 when none matches (the implicit deny).</summary>
    int Classify(int aclId, in PacketTuple tuple);

    /// <summary>The NAT rule a new flow from the inside takes, by <see cref="Ir.NatRulePlan.Id"/>, or -1 for none.</summary>
    int SelectNatRule(in PacketTuple tuple);

    /// <summary>The enabled ALG that inspects this transport port, by <see cref="Ir.AlgPlan.Id"/>, or -1.</summary>
    int DispatchAlg(byte protocol, ushort port);

    /// <summary>Hands an ALG plan's payload to its handler: the compiled engine calls the ALG's own class directly.</summary>
    void InspectAlg(int planId, IAlgHandler handler, in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output);
}
