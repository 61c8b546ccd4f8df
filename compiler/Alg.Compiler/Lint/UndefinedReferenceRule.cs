using Alg.Compiler.Binding;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3002 — undefined references: an ACL, pool, interface, object, object-group, class-map, policy-map,
/// inspect map, route-map, zone or inspect rule used but never defined; suggests the closest defined name.
/// </summary>
public sealed class UndefinedReferenceRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UndefinedReference;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var references = configuration.References;
        foreach (var reference in references.References)
        {
            if (references.IsDefined(reference.Kind, reference.Name))
            {
                continue;
            }

            var hint = Suggestions.DidYouMean(reference.Name, references.NamesOf(reference.Kind));
            diagnostics.Add(Descriptor, reference.Span, ReferenceKindNames.Display(reference.Kind), reference.Name, $" (used by {reference.Usage}){hint}");
        }
    }
}
