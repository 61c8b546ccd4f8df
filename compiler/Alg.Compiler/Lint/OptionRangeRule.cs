using Alg.Compiler.Binding;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3001 — values out of range: every ALG option against the range its ALG declares (so ScreenOS
/// `call-answer-time 95` fails 20-90), and timer values against the dialect's accepted range
/// (IOS 0-536870 s; ASA at most 1193:00:00).
/// </summary>
public sealed class OptionRangeRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ValueOutOfRange;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var alg in configuration.Policy.Algs)
        {
            var descriptor = AlgCatalog.Get(alg.Name);
            foreach (var (name, value) in alg.Options)
            {
                var option = descriptor.FindOption(name);
                if (option is null || value.Source.IsNone || option.Kind == AlgOptionKind.Choice || option.Accepts(value))
                {
                    continue;
                }

                diagnostics.Add(Descriptor, value.Source, $"{alg.Name} {name}", value.Number, option.Minimum, option.Maximum);
            }
        }

        var maximum = configuration.Policy.Dialect switch
        {
            Dialect.Ios => 536_870L,
            Dialect.Asa => 1193L * 3600,
            _ => long.MaxValue,
        };
        foreach (var (name, timer) in configuration.Policy.Timeouts)
        {
            if (timer.Seconds is long seconds && !timer.Source.IsNone && (seconds < 0 || seconds > maximum))
            {
                diagnostics.Add(Descriptor, timer.Source, $"timer {name}", seconds, 0, maximum);
            }
        }
    }
}
