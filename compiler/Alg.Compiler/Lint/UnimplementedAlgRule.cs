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
        // Grouped by the line that turned them on, in first-seen order, by hand: GroupBy over a struct key is
        // JIT-compiled code at every start, for a score of ALGs.
        var sources = new List<SourceSpan>();
        var names = new List<List<string>>();
        foreach (var alg in configuration.Policy.Algs)
        {
            if (!alg.Enabled || AlgCatalog.Find(alg.Name) is not { Implemented: false })
            {
                continue;
            }

            var index = sources.IndexOf(alg.Source);
            if (index < 0)
            {
                index = sources.Count;
                sources.Add(alg.Source);
                names.Add([]);
            }

            names[index].Add(alg.Name);
        }

        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var span = source.IsNone ? new SourceSpan(configuration.Ast.Source.Path, 1, 1, 1, 1) : source;
            var where = source.IsNone ? "on by the dialect's default" : "turned on by this line";
            diagnostics.Add(Descriptor, span, string.Join(", ", names[i]), where);
        }
    }
}
