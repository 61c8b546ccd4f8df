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

        // One diagnostic per missing name, at its first use: a policy fragment naming an undefined zone in
        // every rule needs the zone defined once, not a thousand errors.
        var uses = new Dictionary<(ReferenceKind, string), (StructureReference First, int Count)>();
        foreach (var reference in references.References)
        {
            if (references.IsDefined(reference.Kind, reference.Name))
            {
                continue;
            }

            var key = (reference.Kind, reference.Name);
            uses[key] = uses.TryGetValue(key, out var seen) ? (seen.First, seen.Count + 1) : (reference, 1);
        }

        foreach (var (first, count) in uses.Values)
        {
            var hint = Suggestions.DidYouMean(first.Name, references.NamesOf(first.Kind));
            var more = count > 1 ? $", and {count - 1} more use{(count > 2 ? "s" : string.Empty)}" : string.Empty;
            diagnostics.Add(Descriptor, first.Span, ReferenceKindNames.Display(first.Kind), first.Name, $" (used by {first.Usage}{more}){hint}");
        }
    }
}
