using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>The IR under construction; each pass reads what earlier passes wrote and adds its own part.</summary>
public sealed class LoweringState(PolicyModel policy)
{
    public PolicyModel Policy { get; } = policy;

    /// <summary>The translator's part of IPsec-NAT (ESP SPI matching, IKE port preservation) from the ALG's plan.</summary>
    public IpsecPassthroughPlan Ipsec { get; } = IpsecPlanOf(policy);

    /// <summary>The timers the data plane uses, each the configured value or its RFC default; ESP's is the IPsec-NAT
    /// ALG's timeout while it matches SPIs (ScreenOS IPsec-NAT timeout, default 30 s).</summary>
    public NatTimeouts Timeouts { get; } = new(policy.Timeouts, IpsecPlanOf(policy).SpiMatching ? IpsecTimeoutOf(policy) : null);

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
            Timeouts, Policy.Behavior, Policy.Limits, [.. SkippedNatRules])
        { Ipsec = Ipsec };

    private const string IpsecNat = "ipsec-nat";

    private static IpsecPassthroughPlan IpsecPlanOf(PolicyModel policy)
    {
        var alg = policy.Algs.FirstOrDefault(a => a.Enabled && string.Equals(a.Name, IpsecNat, StringComparison.Ordinal));
        if (alg is null)
        {
            return IpsecPassthroughPlan.Off;
        }

        var spiMatching = alg.Options.TryGetValue("spi-match", out var spi) && spi.AsBoolean;
        var preserve = alg.Options.TryGetValue("preserve-port", out var port) && port.AsBoolean;
        return spiMatching || preserve ? new IpsecPassthroughPlan(spiMatching, preserve) : IpsecPassthroughPlan.Off;
    }

    private static long? IpsecTimeoutOf(PolicyModel policy) =>
        policy.Algs.First(a => string.Equals(a.Name, IpsecNat, StringComparison.Ordinal)).Options.TryGetValue("timeout", out var timeout) ? timeout.Number : 30;
}
