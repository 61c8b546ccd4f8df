using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Writes the ordered steps for each ingress side, leaving out steps this configuration never needs: no ACL step
/// without an applied ACL, no real-address ACL step unless an interface's ACL names real addresses, no rule selection
/// from outside and no inbound translation from inside. The pinhole and ALG steps are always there: pinholes and a TCP connection's seq/ack shift
/// are runtime state an earlier configuration's ALG left, which must outlive a reload that turns the ALG off (the
/// call in progress keeps its media; the shifted connection keeps working); with no such state each costs one test.
/// </summary>
public sealed class BuildIngressPlansPass : ILoweringPass
{
    public string Name => "build-ingress-plans";

    public void Run(LoweringState state)
    {
        var inbound = state.Interfaces.Any(i => i.InboundAclId >= 0);
        var realAddress = state.Interfaces.Any(i => i.InboundAclId >= 0 && i.InboundAclMatchesRealAddresses);
        var outbound = state.Interfaces.Any(i => i.OutboundAclId >= 0);

        List<PipelineStep> Plan(bool fromInside)
        {
            var steps = new List<PipelineStep> { new(PipelineStepKind.FlowLookup) };
            if (inbound)
            {
                steps.Add(new(PipelineStepKind.InboundAcl));
            }

            steps.Add(new(fromInside ? PipelineStepKind.NatRuleSelection : PipelineStepKind.OutsideOpenerCheck));

            steps.Add(new(PipelineStepKind.PinholeMatch));

            if (!fromInside)
            {
                steps.Add(new(PipelineStepKind.InboundTranslation));
            }

            steps.Add(new(PipelineStepKind.CreateFlow));
            steps.Add(new(PipelineStepKind.TrackConnection));
            if (realAddress)
            {
                steps.Add(new(PipelineStepKind.RealAddressAcl));
            }

            if (outbound)
            {
                steps.Add(new(PipelineStepKind.OutboundAcl));
            }

            steps.Add(new(PipelineStepKind.Translate));
            steps.Add(new(PipelineStepKind.AlgDispatch));

            return steps;
        }

        state.InsideSteps = [.. Plan(fromInside: true)];
        state.OutsideSteps = [.. Plan(fromInside: false)];
    }
}
