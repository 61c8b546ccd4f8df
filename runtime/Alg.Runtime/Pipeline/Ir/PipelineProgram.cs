using System.Collections.Immutable;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>
/// The lowered policy: per ingress side the ordered steps a packet takes, and the tables those steps
/// consult. Both engines run exactly this; nothing of the vendor syntax is left.
/// </summary>
/// <param name="Fingerprint">A hash of the lowered content; two configurations that lower alike share it.</param>
public sealed record PipelineProgram(
    ImmutableArray<InterfacePlan> Interfaces,
    ImmutableArray<AclProgram> Acls,
    ImmutableArray<NatRulePlan> NatRules,
    ImmutableArray<AlgPlan> Algs,
    ImmutableArray<AlgPortBinding> AlgPorts,
    ImmutableArray<PipelineStep> InsideSteps,
    ImmutableArray<PipelineStep> OutsideSteps,
    string Fingerprint)
{
    /// <summary>Some interface's ACLs meet every packet, so an established flow's packets are checked too.</summary>
    public bool HasPerPacketAcls { get; } = Interfaces.Any(i => i.AclMode == AclMode.PerPacket && (i.InboundAclId >= 0 || i.OutboundAclId >= 0));
}
