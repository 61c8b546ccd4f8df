using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Lint;

/// <summary>ALG3013 — NAT rules but no outside interface (or no inside one): nothing would be translated.</summary>
public sealed class NoOutsideInterfaceRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.NoOutsideInterface;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var policy = configuration.Policy;
        var active = policy.NatRules.Where(r => !r.Inactive && r.Kind != NatRuleKind.Exempt).ToList();
        if (active.Count == 0 || policy.Interfaces.IsEmpty)
        {
            return;
        }

        if (!policy.Interfaces.Any(i => i.Role == InterfaceRole.Outside))
        {
            diagnostics.Add(Descriptor, active[0].Span, string.Empty);
        }
        else if (!policy.Interfaces.Any(i => i.Role == InterfaceRole.Inside))
        {
            diagnostics.Add(Descriptor, active[0].Span, " (and none inside)");
        }
    }
}
