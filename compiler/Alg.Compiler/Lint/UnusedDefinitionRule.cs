using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3003 — unused definitions: an ACL, NAT pool, object, object-group, class-map, inspect map, route-map,
/// zone or inspect rule nothing refers to. Interfaces need no reference; unapplied policy-maps are ALG3009.
/// </summary>
public sealed class UnusedDefinitionRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnusedDefinition;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var references = configuration.References;
        foreach (var definition in references.Definitions)
        {
            if (definition.Builtin || definition.Kind is ReferenceKind.Interface or ReferenceKind.PolicyMap
                || references.IsReferenced(definition.Kind, definition.Name))
            {
                continue;
            }

            diagnostics.Add(Descriptor, definition.Span, ReferenceKindNames.Display(definition.Kind), definition.Name);
        }
    }
}
