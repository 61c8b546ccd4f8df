using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>ALG3009 — a policy-map no service-policy (or zone-pair) applies: its inspections do nothing.</summary>
public sealed class PolicyMapNotAppliedRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.PolicyMapNotApplied;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var definition in configuration.References.Definitions)
        {
            if (definition.Kind == ReferenceKind.PolicyMap && !definition.Builtin
                && !configuration.References.IsReferenced(ReferenceKind.PolicyMap, definition.Name))
            {
                diagnostics.Add(Descriptor, definition.Span, definition.Name);
            }
        }
    }
}
