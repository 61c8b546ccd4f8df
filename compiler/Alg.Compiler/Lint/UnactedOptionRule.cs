using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3030 — an option of an implemented ALG that the configuration sets but the ALG does not act on yet
/// (<see cref="Alg.Policy.Algs.AlgOptionDescriptor.ActedOn"/>): named on the line that sets it, so a timer that
/// changes nothing never looks as if it did. Options of ALGs not implemented at all are covered by ALG3029.
/// </summary>
public sealed class UnactedOptionRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.OptionNotActedOn;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var alg in configuration.Policy.Algs)
        {
            if (!alg.Enabled || AlgCatalog.Find(alg.Name) is not { Implemented: true } descriptor)
            {
                continue;
            }

            foreach (var (name, value) in alg.Options)
            {
                if (!value.Source.IsNone && descriptor.FindOption(name) is { ActedOn: false } option)
                {
                    diagnostics.Add(Descriptor, value.Source, name, alg.Name, option.Default);
                }
            }
        }
    }
}
