using Alg.Compiler.Binding;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3002 — undefined references: an ACL, pool, interface, object, object-group, class-map, policy-map,
/// inspect map, route-map, zone or inspect rule used but never defined; suggests the closest defined name.
/// A name used only by features outside translation (routing, terminal lines, SNMP, QoS) is ALG3019 instead.
/// </summary>
public class UndefinedReferenceRule : ILintRule
{
    public virtual DiagnosticDescriptor Descriptor => DiagnosticCatalog.UndefinedReference;

    /// <summary>True for the uses this rule reports: here, names with at least one use that bears on translation.</summary>
    protected virtual bool Reports(IReadOnlyCollection<StructureReference> uses) => uses.Any(u => !u.OutsideTranslation);

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var references = configuration.References;

        // One diagnostic per missing name, at its first use: a policy fragment naming an undefined zone in
        // every rule needs the zone defined once, not a thousand errors.
        // Made at the first undefined name: most configurations have none, and these tuple-keyed dictionaries are
        // JIT-compiled code at every start.
        Dictionary<(ReferenceKind, string), (StructureReference First, int Count)>? uses = null;
        Dictionary<(ReferenceKind, string), List<StructureReference>>? all = null;
        foreach (var reference in references.References)
        {
            if (references.IsDefined(reference.Kind, reference.Name))
            {
                continue;
            }

            var key = (reference.Kind, reference.Name);
            uses ??= [];
            all ??= [];
            uses[key] = uses.TryGetValue(key, out var seen) ? (seen.First, seen.Count + 1) : (reference, 1);
            if (!all.TryGetValue(key, out var list))
            {
                all[key] = list = [];
            }

            list.Add(reference);
        }

        if (uses is null || all is null)
        {
            return;
        }

        foreach (var (key, (first, count)) in uses)
        {
            if (!Reports(all[key]))
            {
                continue;
            }

            var hint = Suggestions.DidYouMean(first.Name, references.NamesOf(first.Kind));
            var more = count > 1 ? $", and {count - 1} more use{(count > 2 ? "s" : string.Empty)}" : string.Empty;
            diagnostics.Add(Descriptor, first.Span, ReferenceKindNames.Display(first.Kind), first.Name, $" (used by {first.Usage}{more}){hint}");
        }
    }
}
