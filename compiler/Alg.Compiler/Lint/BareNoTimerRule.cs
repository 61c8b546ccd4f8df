using Alg.Compiler.Binding;
using Alg.Grammar.Ios.Ast;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3008 — a bare <c>no ip nat translation TIMER</c>: IOS disables the timer, some clones reset it to
/// the default. Suggests the two unambiguous spellings.
/// </summary>
public sealed class BareNoTimerRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.BareNoTimer;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var timer in configuration.Ast.Statements.OfType<IosNatTimer>())
        {
            if (timer.Negated && timer.Seconds is null && !timer.Never)
            {
                var keyword = timer.Timer.Value;
                var defaultSeconds = IosDefaults.TimerNames.TryGetValue(keyword, out var name) && IosDefaults.Timers.TryGetValue(name, out var seconds)
                    ? seconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "never"
                    : "SECONDS";
                diagnostics.Add(Descriptor, timer.Span, $"no ip nat translation {keyword}", $"ip nat translation {keyword} never", $"ip nat translation {keyword} {defaultSeconds}");
            }
        }
    }
}
