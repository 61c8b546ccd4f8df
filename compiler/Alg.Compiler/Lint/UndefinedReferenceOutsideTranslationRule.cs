using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3019 — a structure named only by features that do not bear on translation (a BGP neighbor's route-map, a
/// terminal line's access-class, an SNMP community's list, a QoS class-map) and defined nowhere. True, and worth
/// fixing, but it changes nothing Alg checks, so a warning rather than ALG3002's error.
/// </summary>
public sealed class UndefinedReferenceOutsideTranslationRule : UndefinedReferenceRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UndefinedReferenceOutsideTranslation;

    protected override bool Reports(IReadOnlyCollection<StructureReference> uses) => uses.All(u => u.OutsideTranslation);
}
