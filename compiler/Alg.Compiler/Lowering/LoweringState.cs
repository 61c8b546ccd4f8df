using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>The IR under construction; each pass reads what earlier passes wrote and adds its own part.</summary>
public sealed class LoweringState(PolicyModel policy)
{
    public PolicyModel Policy { get; } = policy;

    /// <summary>The timers the data plane uses, each the configured value or its RFC default.</summary>
    public NatTimeouts Timeouts { get; } = new(policy.Timeouts);

    public List<InterfacePlan> Interfaces { get; } = [];

    public List<AclProgram> Acls { get; } = [];

    public Dictionary<string, int> AclIds { get; } = new(StringComparer.Ordinal);

    public List<NatRulePlan> NatRules { get; } = [];

    public List<string> SkippedNatRules { get; } = [];

    public List<AlgPlan> Algs { get; } = [];

    public List<AlgPortBinding> AlgPorts { get; } = [];

    public ImmutableArray<PipelineStep> InsideSteps { get; set; } = [];

    public ImmutableArray<PipelineStep> OutsideSteps { get; set; } = [];

    public string Fingerprint { get; set; } = string.Empty;

    public PipelineProgram ToProgram() =>
        new([.. Interfaces], [.. Acls], [.. NatRules], [.. Algs], [.. AlgPorts], InsideSteps, OutsideSteps, Fingerprint,
            Timeouts, Policy.Behavior, Policy.Limits, [.. SkippedNatRules]);
}
