using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Nat;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>
/// The lowered policy: per ingress side the ordered steps a packet takes, and everything those steps read — ACLs,
/// NAT rules with their actions, interfaces with their ACL mode, ALG plans, timers, endpoint behaviour and state
/// limits. Both engines run exactly this and the data plane reads nothing else: nothing of the vendor syntax or of
/// the policy model it was lowered from is left.
/// </summary>
/// <param name="Fingerprint">A hash of the lowered content; two configurations that lower alike share it.</param>
/// <param name="Timeouts">Idle timeouts per protocol and TCP state, the configured value or the RFC default.</param>
/// <param name="Behavior">Mapping, filtering, port preservation, pooling and hairpinning (RFC 4787, RFC 5382).</param>
/// <param name="Limits">State limits: the whole table, per listed host and per other host (RFC 6888 REQ-5).</param>
/// <param name="SkippedNatRules">NAT rules lowering left out, each with its location and why.</param>
public sealed record PipelineProgram(
    ImmutableArray<InterfacePlan> Interfaces,
    ImmutableArray<AclProgram> Acls,
    ImmutableArray<NatRulePlan> NatRules,
    ImmutableArray<AlgPlan> Algs,
    ImmutableArray<AlgPortBinding> AlgPorts,
    ImmutableArray<PipelineStep> InsideSteps,
    ImmutableArray<PipelineStep> OutsideSteps,
    string Fingerprint,
    NatTimeouts Timeouts,
    NatBehavior Behavior,
    NatLimits Limits,
    ImmutableArray<string> SkippedNatRules)
{
    private readonly Dictionary<uint, long> _hostLimits = (Limits.PerHost.IsDefault ? [] : Limits.PerHost)
        .GroupBy(l => l.Host.Value).ToDictionary(g => g.Key, g => g.Last().MaxEntries);

    /// <summary>Some interface's ACLs meet every packet, so an established flow's packets are checked too.</summary>
    public bool HasPerPacketAcls { get; } = Interfaces.Any(i => i.AclMode == AclMode.PerPacket && (i.InboundAclId >= 0 || i.OutboundAclId >= 0));

    /// <summary>
    /// A packet of a known flow meets no policy question: the steps a known flow takes are the ACL steps, connection
    /// tracking, translation and the flow's ALG, and the ACL steps ask something only where an ACL meets every packet.
    /// Such packets are walked by the runtime without entering the engine; the rest, and every new flow, by the engine.
    /// </summary>
    public bool KnownFlowsMeetNoPolicy => !HasPerPacketAcls;

    /// <summary>Any interface has an ACL: without one the packet path skips every ACL question.</summary>
    public bool HasAcls { get; } = Interfaces.Any(i => i.InboundAclId >= 0 || i.OutboundAclId >= 0);

    /// <summary>The NAT lookup tables, built with the program so no packet waits for them.</summary>
    public NatRuleSet Nat { get; } = new(Interfaces, NatRules, SkippedNatRules);

    /// <summary>Which interface of a side a packet uses, built with the program.</summary>
    internal InterfaceSelector InterfaceSelector { get; } = new(Interfaces);

    /// <summary>The state limit for a host: its own entry, else the default for every host, else none (-1).</summary>
    public long HostLimitFor(uint host) => _hostLimits.TryGetValue(host, out var limit) ? limit : Limits.PerHostDefault ?? -1;

    /// <summary>ESP SPI matching and IKE port preservation, from the IPsec-NAT ALG's plan.</summary>
    public IpsecPassthroughPlan Ipsec { get; init; } = IpsecPassthroughPlan.Off;

    /// <summary>Some host has a state limit, so new flows are counted per host.</summary>
    public bool HasHostLimits => !Limits.PerHost.IsDefaultOrEmpty || Limits.PerHostDefault is not null;
}
