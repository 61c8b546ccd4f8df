namespace Alg.Runtime.Pipeline;

/// <summary>
/// The policy-specific decisions of the pipeline: ACL verdicts, which NAT rule a new flow takes, which ALG
/// inspects a port. The interpreter answers them by walking the IR; the compiled engine by code generated
/// for one configuration. Both must give the same answer for every input.
/// </summary>
/// <remarks>Implementations are immutable and allocation-free per call, so a swap between two packets is a reference store.</remarks>
public interface IPolicyClassifier
{
    /// <summary>The IR this classifier was built from.</summary>
    Ir.PipelineProgram Program { get; }

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
}
