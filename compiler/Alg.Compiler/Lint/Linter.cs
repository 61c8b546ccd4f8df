using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>Stage 4: every lint rule, in catalogue order. Each rule is one file whose header says what it checks.</summary>
public static class Linter
{
    public static readonly IReadOnlyList<ILintRule> Rules =
    [
        new OptionRangeRule(),
        new UndefinedReferenceRule(),
        new UndefinedReferenceOutsideTranslationRule(),
        new UnusedDefinitionRule(),
        new DuplicateLineRule(),
        new ContradictingLineRule(),
        new UdpTimeoutRule(),
        new TcpTimeoutRule(),
        new BareNoTimerRule(),
        new PolicyMapNotAppliedRule(),
        new SipAlgAdviceRule(),
        new InferredDefaultRule(),
        new ShadowedAclRuleRule(),
        new NoOutsideInterfaceRule(),
        new TlsPortRule(),
        new PoolSubnetRule(),
        new InterfaceWithoutAddressRule(),
        new ConflictingStaticRule(),
        new UnsupportedNatRuleRule(),
        new UnimplementedAlgRule(),
        new UnactedOptionRule(),
        new MalformedRpcFilterRule(),
        new UnknownRpcServiceRule(),
    ];

    public static void Run(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var rule in Rules)
        {
            rule.Check(configuration, diagnostics);
        }
    }
}
