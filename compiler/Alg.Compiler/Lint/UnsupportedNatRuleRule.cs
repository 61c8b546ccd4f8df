using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.Compiler.Lowering;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3028 — a NAT rule the policy holds but the runtime cannot carry out (inside-destination or
/// outside-source NAT, twice NAT, route-map matching…) is named, so a clean lint never hides a translation
/// that <c>alg replay</c> and <c>alg run</c> would skip. Rules left out for an undefined ACL or pool, or an
/// interface without an address, already have their own diagnostics (ALG3002, ALG3017).
/// </summary>
public sealed class UnsupportedNatRuleRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.NatRuleNotCarriedOut;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var policy = configuration.Policy;
        if (policy.NatRules.IsEmpty)
        {
            // Nothing to check; the set below walks every diagnostic, and its tuple type is JIT-compiled code.
            return;
        }

        var references = configuration.References;
        var explained = diagnostics.Items
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Code == DiagnosticCatalog.NotModelled.Code)
            .Select(d => (d.Span.File, d.Span.Line))
            .Concat(references.References.Where(r => !references.IsDefined(r.Kind, r.Name)).Select(r => (r.Span.File, r.Span.Line)))
            .ToHashSet();
        foreach (var rule in policy.NatRules)
        {
            if (rule.Inactive || NatRuleResolver.IsSupported(policy, rule, out var reason) || explained.Contains((rule.Span.File, rule.Span.Line))
                || reason.Contains(" is not defined", StringComparison.Ordinal) || reason.Contains(" has no IPv4 address", StringComparison.Ordinal))
            {
                continue;
            }

            // The runtime's reason starts with the rule's location, which the diagnostic's span already gives.
            var colon = reason.IndexOf(": ", StringComparison.Ordinal);
            var why = (colon >= 0 ? reason[(colon + 2)..] : reason).Replace(" yet; rule skipped", string.Empty, StringComparison.Ordinal)
                .Replace("; rule skipped", string.Empty, StringComparison.Ordinal);
            diagnostics.Add(Descriptor, rule.Span, why);
        }
    }
}
