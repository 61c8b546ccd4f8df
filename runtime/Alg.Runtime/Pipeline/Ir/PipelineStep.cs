namespace Alg.Runtime.Pipeline.Ir;

/// <summary>One step of an ingress plan.</summary>
public readonly record struct PipelineStep(PipelineStepKind Kind)
{
    /// <summary>The step acts only on a packet no flow knows yet; a packet of a known flow skips it.</summary>
    public bool ForNewFlowsOnly => Kind is PipelineStepKind.NatRuleSelection or PipelineStepKind.OutsideOpenerCheck or PipelineStepKind.PinholeMatch
        or PipelineStepKind.InboundTranslation or PipelineStepKind.CreateFlow or PipelineStepKind.RealAddressAcl;
}
