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
        foreach (var alg in configuration.Policy.Algs)
        {
            if (alg.DefaultIsInferred && alg.Source.IsNone)
            {
                diagnostics.Add(Descriptor, fileStart, $"ALG {alg.Name} being {(alg.Enabled ? "on" : "off")}", "dialect default");
            }

            if (!alg.Enabled)
            {
                continue;
            }

            var descriptor = AlgCatalog.Get(alg.Name);
            foreach (var option in descriptor.Options)
            {
                if (option.DefaultIsInferred && alg.Options.TryGetValue(option.Name, out var value) && value.Source.IsNone)
                {
                    diagnostics.Add(Descriptor, fileStart, $"{alg.Name} {option.Name} = {value}", "option default");
                }
            }
        }
    }
}
