using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Pipeline;

/// <summary>
/// The interpreter: walks each packet through its ingress plan's steps as the IR lists them, and answers every
/// policy question by reading the IR as it is, rule after rule. Ready the moment a configuration is lowered, which is
/// why tiered mode starts on it.
/// </summary>
public sealed class PipelineInterpreter(PipelineProgram program) : IPipelineEngine
{
    // The plans after their first step (FlowLookup), split by whether the packet's flow is known: a packet walks every
    // step of its plan that applies to it, in the plan's order, and no step it would skip is visited at all.
    private readonly PipelineStep[] _insideKnown = AfterLookup(program.InsideSteps, newFlow: false);
    private readonly PipelineStep[] _insideNew = AfterLookup(program.InsideSteps, newFlow: true);
    private readonly PipelineStep[] _outsideKnown = AfterLookup(program.OutsideSteps, newFlow: false);
    private readonly PipelineStep[] _outsideNew = AfterLookup(program.OutsideSteps, newFlow: true);

    public PipelineProgram Program { get; } = program;

    public NatVerdict Run(NatEngine nat, ref PacketWalk walk) => Walk(nat, ref walk, this);

    /// <summary>The walk, asking <paramref name="answers"/> the policy's questions (a test asks both engines at once).</summary>
    public NatVerdict Walk(NatEngine nat, ref PacketWalk walk, IPipelineEngine answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        // Every plan starts with FlowLookup (IrValidator), which the runtime has done before handing the packet over; it
        // may have found the flow on the other side than the guess, and both plans hold the same steps for a known flow.
        var steps = walk.Side == Flows.FlowSide.Inside
            ? (walk.IsNew ? _insideNew : _insideKnown)
            : (walk.IsNew ? _outsideNew : _outsideKnown);
        foreach (var step in steps)
        {
            if (!Execute(nat, ref walk, step.Kind, answers))
            {
                return walk.Verdict;
            }
        }

        return nat.Forward(ref walk);
    }

    public bool PermitInbound(int interfaceId, in PacketTuple tuple) => Permit(Program.Interfaces[interfaceId].InboundAclId, tuple);

    public bool PermitOutbound(int interfaceId, in PacketTuple tuple) => Permit(Program.Interfaces[interfaceId].OutboundAclId, tuple);

    public int Classify(int aclId, in PacketTuple tuple)
    {
        var rules = Program.Acls[aclId].Rules;
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Matches(tuple))
            {
                return i;
            }
        }

        return -1;
    }

    public int SelectNatRule(in PacketTuple tuple)
    {
        foreach (var rule in Program.NatRules)
        {
            if (rule.Matches(tuple, this))
            {
                return rule.Id;
            }
        }

        return -1;
    }

    public int DispatchAlg(byte protocol, ushort port)
    {
        foreach (var binding in Program.AlgPorts)
        {
            if ((byte)binding.Protocol == protocol && binding.Port == port)
            {
                return binding.AlgId;
            }
        }

        return -1;
    }

    public void InspectAlg(int planId, Algs.IAlgHandler handler, in Algs.AlgFlowContext context, ReadOnlySpan<byte> data, ref Algs.AlgOutput output)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handler.Inspect(in context, data, ref output);
    }

    private static bool Execute(NatEngine nat, ref PacketWalk walk, PipelineStepKind step, IPipelineEngine answers)
    {
        switch (step)
        {
            case PipelineStepKind.InboundAcl:
                var arrival = nat.InboundAclInterface(ref walk);
                return arrival < 0 || answers.PermitInbound(arrival, walk.ArrivalTuple) || nat.Deny(ref walk, DropReason.AclDeniedInbound);
            case PipelineStepKind.NatRuleSelection:
                return !walk.IsNew || (nat.AdmitInsideFlow(ref walk) && nat.ApplyNatRule(ref walk, answers.SelectNatRule(walk.ArrivalTuple)));
            case PipelineStepKind.OutsideOpenerCheck:
                return !walk.IsNew || nat.AdmitOutsideOpener(ref walk);
            case PipelineStepKind.PinholeMatch:
                nat.MatchPinhole(ref walk);
                return true;
            case PipelineStepKind.InboundTranslation:
                return nat.TranslateInbound(ref walk);
            case PipelineStepKind.CreateFlow:
                return nat.CreateFlow(ref walk);
            case PipelineStepKind.TrackConnection:
                nat.Track(ref walk);
                return true;
            case PipelineStepKind.RealAddressAcl:
                var deferred = nat.RealAddressAclInterface(ref walk);
                return deferred < 0 || answers.PermitInbound(deferred, nat.RealAddressTuple(ref walk)) || nat.Deny(ref walk, DropReason.AclDeniedInbound);
            case PipelineStepKind.OutboundAcl:
                var exit = nat.OutboundAclInterface(ref walk);
                return exit < 0 || answers.PermitOutbound(exit, nat.ExitTuple(ref walk)) || nat.Deny(ref walk, DropReason.AclDeniedOutbound);
            case PipelineStepKind.Translate:
                nat.Translate(ref walk);
                return true;
            case PipelineStepKind.AlgDispatch:
                return nat.InspectAlg(ref walk, answers);
            default:
                throw new InvalidOperationException($"unknown pipeline step {step}");
        }
    }

    private static PipelineStep[] AfterLookup(System.Collections.Immutable.ImmutableArray<PipelineStep> plan, bool newFlow) =>
        [.. plan.Skip(1).Where(step => newFlow || !step.ForNewFlowsOnly)];

    private bool Permit(int aclId, in PacketTuple tuple)
    {
        if (aclId < 0)
        {
            return true;
        }

        var rule = Classify(aclId, tuple);
        return rule >= 0 && Program.Acls[aclId].Rules[rule].Permit;
    }
}
