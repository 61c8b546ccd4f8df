using System.Globalization;
using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>ALG3004 — a line that sets a setting to the value an earlier line already gave it.</summary>
public sealed class DuplicateLineRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.DuplicateLine;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var last = new Dictionary<string, SettingRecord>(StringComparer.Ordinal);
        foreach (var setting in configuration.Settings)
        {
            if (last.TryGetValue(setting.Key, out var previous) && previous.Value == setting.Value && previous.Span.File == setting.Span.File)
            {
                diagnostics.Add(Descriptor, setting.Span, previous.Span.Line.ToString(CultureInfo.InvariantCulture));
            }

            last[setting.Key] = setting;
        }
    }
}
