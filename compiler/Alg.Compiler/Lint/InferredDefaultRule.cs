using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3011 — a setting in effect only because of a default that vendor documentation does not confirm
/// (vendor-syntax.md marks these [I]): an ALG's on/off state or an option of an enabled ALG.
/// </summary>
public sealed class InferredDefaultRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.InferredDefault;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var fileStart = new Alg.Policy.Text.SourceSpan(configuration.Ast.Source.Path, 1, 1, 1, 1);
        var inferredStates = configuration.Policy.Algs
            .Where(a => a.DefaultIsInferred && a.Source.IsNone)
            .Select(a => $"{a.Name} {(a.Enabled ? "on" : "off")}")
            .ToList();
        if (inferredStates.Count > 0)
        {
            diagnostics.Add(Descriptor, fileStart, "the state of " + string.Join(", ", inferredStates), "dialect default");
        }

        // Option defaults matter only for an ALG the file configures.
        foreach (var alg in configuration.Policy.Algs.Where(a => a.Enabled && !a.Spans.IsEmpty))
        {
            var descriptor = AlgCatalog.Get(alg.Name);
            foreach (var option in descriptor.Options)
            {
                if (option.DefaultIsInferred && option.AppliesTo(configuration.Policy.Dialect) && alg.Options.TryGetValue(option.Name, out var value) && value.Source.IsNone)
                {
                    diagnostics.Add(Descriptor, alg.Spans[0], $"{alg.Name} {option.Name} = {value}", "option default");
                }
            }
        }
    }
}
