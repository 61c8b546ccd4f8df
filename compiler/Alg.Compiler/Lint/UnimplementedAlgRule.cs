using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3029 — an ALG the configuration turns on that Alg does not carry out yet: its traffic is forwarded
/// with NAT but untranslated and opens no pinholes. One note per line that turns ALGs on, and one for those on
/// by the dialect's default, so the lint output never shows an ALG as working when it is not.
/// </summary>
public sealed class UnimplementedAlgRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.AlgNotImplemented;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var unimplemented = configuration.Policy.Algs
            .Where(alg => alg.Enabled && AlgCatalog.Find(alg.Name) is { Implemented: false })
            .GroupBy(alg => alg.Source);
        foreach (var group in unimplemented)
        {
            var names = string.Join(", ", group.Select(alg => alg.Name));
            var span = group.Key.IsNone ? new SourceSpan(configuration.Ast.Source.Path, 1, 1, 1, 1) : group.Key;
            var where = group.Key.IsNone ? "on by the dialect's default" : "turned on by this line";
            diagnostics.Add(Descriptor, span, names, where);
        }
    }
}
