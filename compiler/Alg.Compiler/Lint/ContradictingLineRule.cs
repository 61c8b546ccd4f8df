using System.Globalization;
using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>ALG3005 — a line that reverses what an earlier line set (the later one wins, as on the device).</summary>
public sealed class ContradictingLineRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ContradictingLine;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var last = new Dictionary<string, SettingRecord>(StringComparer.Ordinal);
        foreach (var setting in configuration.Settings)
        {
            if (last.TryGetValue(setting.Key, out var previous) && previous.Value != setting.Value && previous.Span.File == setting.Span.File)
            {
                diagnostics.Add(Descriptor, setting.Span, previous.Span.Line.ToString(CultureInfo.InvariantCulture), $"{setting.Description} is now {setting.Value}");
            }

            last[setting.Key] = setting;
        }
    }
}
