using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3003 — unused definitions: an ACL, NAT pool, object, object-group, class-map, inspect map, route-map,
/// zone or inspect rule nothing refers to. Interfaces need no reference; unapplied policy-maps are ALG3009.
/// Prefix lists are tracked only so their uses resolve: they filter routes, never packets or translations, so
/// an unused one says nothing about the policy Alg checks. The lists of an ACL fragment (a file with access lists
/// and nothing that could apply them) are meant for another configuration and are not reported.
/// </summary>
public sealed class UnusedDefinitionRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnusedDefinition;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var references = configuration.References;
        foreach (var definition in references.Definitions)
        {
            if (definition.Builtin || definition.Kind is ReferenceKind.Interface or ReferenceKind.PolicyMap or ReferenceKind.PrefixList
                || (definition.Kind == ReferenceKind.Acl && configuration.AclFragment)
                || references.IsReferenced(definition.Kind, definition.Name))
            {
                continue;
            }

            diagnostics.Add(Descriptor, definition.Span, ReferenceKindNames.Display(definition.Kind), definition.Name);
        }
    }
}
