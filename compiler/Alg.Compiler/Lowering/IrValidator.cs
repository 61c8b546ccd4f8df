using System.Diagnostics;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>Debug-build check of the IR's invariants: ids are dense and every reference resolves.</summary>
public static class IrValidator
{
    [Conditional("DEBUG")]
    public static void Validate(PipelineProgram program)
    {
        for (var i = 0; i < program.Acls.Length; i++)
        {
            Check(program.Acls[i].Id == i, $"ACL {i} has id {program.Acls[i].Id}");
        }

        foreach (var iface in program.Interfaces)
        {
            Check(iface.InboundAclId < program.Acls.Length && iface.OutboundAclId < program.Acls.Length, $"interface {iface.Name} refers to a missing ACL");
        }

        for (var i = 0; i < program.NatRules.Length; i++)
        {
            var rule = program.NatRules[i];
            Check(rule.Id == i, $"NAT rule {i} has id {rule.Id}");
            Check(rule.MatchAclId < program.Acls.Length, $"NAT rule {i} refers to a missing ACL");
        }

        foreach (var binding in program.AlgPorts)
        {
            Check(binding.AlgId >= 0 && binding.AlgId < program.Algs.Length, $"port {binding.Port} is bound to a missing ALG");
        }

        Check(program.AlgPorts.Select(b => (b.Protocol, b.Port)).Distinct().Count() == program.AlgPorts.Length, "a port is bound twice");
        Check(program.InsideSteps.Length > 0 && program.InsideSteps[0].Kind == PipelineStepKind.FlowLookup, "the inside plan does not start with the flow lookup");
        Check(program.OutsideSteps.Length > 0 && program.OutsideSteps[0].Kind == PipelineStepKind.FlowLookup, "the outside plan does not start with the flow lookup");
        Check(program.InsideSteps.Where(s => !s.ForNewFlowsOnly).SequenceEqual(program.OutsideSteps.Where(s => !s.ForNewFlowsOnly)), "the plans differ for a known flow");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("invalid pipeline IR: " + message);
        }
    }
}
