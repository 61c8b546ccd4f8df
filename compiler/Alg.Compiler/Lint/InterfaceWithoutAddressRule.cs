using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Lint;

/// <summary>ALG3017 — PAT or a static mapping onto an interface that has no IPv4 address, static or learnt.</summary>
public sealed class InterfaceWithoutAddressRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.InterfaceWithoutAddress;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var policy = configuration.Policy;
        foreach (var rule in policy.NatRules)
        {
            if (rule.TargetKind != NatTargetKind.Interface || rule.TargetInterface is null)
            {
                continue;
            }

            var iface = policy.FindInterface(rule.TargetInterface);
            if (iface is not null && iface.Address is null && !iface.DynamicAddress)
            {
                diagnostics.Add(Descriptor, rule.Span, iface.Name);
            }
        }
    }
}
