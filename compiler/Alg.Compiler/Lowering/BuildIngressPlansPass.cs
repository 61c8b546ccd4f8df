using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Writes the ordered steps for each ingress side, leaving out steps this configuration never needs:
/// no ACL step without an applied ACL, no pinhole or ALG step without an enabled ALG, no rule selection
/// from outside (new outside flows only enter through static mappings and pinholes, which the runtime owns).
/// </summary>
public sealed class BuildIngressPlansPass : ILoweringPass
{
    public string Name => "build-ingress-plans";

    public void Run(LoweringState state)
    {
        var inbound = state.Interfaces.Any(i => i.InboundAclId >= 0);
        var outbound = state.Interfaces.Any(i => i.OutboundAclId >= 0);
        var algs = state.AlgPorts.Count > 0;

        var inside = new List<PipelineStep>();
        var outside = new List<PipelineStep>();
        if (inbound)
        {
            inside.Add(new(PipelineStepKind.InboundAcl));
            outside.Add(new(PipelineStepKind.InboundAcl));
        }

        inside.Add(new(PipelineStepKind.FlowLookup));
        outside.Add(new(PipelineStepKind.FlowLookup));
        if (algs)
        {
            outside.Add(new(PipelineStepKind.PinholeMatch));
        }

        inside.Add(new(PipelineStepKind.NatRuleSelection));
        if (outbound)
        {
            inside.Add(new(PipelineStepKind.OutboundAcl));
            outside.Add(new(PipelineStepKind.OutboundAcl));
        }

        if (algs)
        {
            inside.Add(new(PipelineStepKind.AlgDispatch));
            outside.Add(new(PipelineStepKind.AlgDispatch));
        }

        state.InsideSteps = [.. inside];
        state.OutsideSteps = [.. outside];
    }
}
