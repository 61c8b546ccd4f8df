using System.Globalization;
using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3018 — two static mappings claim the same global address (and port, for port forwards) for
/// different inside hosts: inbound traffic cannot go to both.
/// </summary>
public sealed class ConflictingStaticRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConflictingStatic;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, NatRule>(StringComparer.Ordinal);
        foreach (var rule in configuration.Policy.NatRules)
        {
            if (rule.Kind is not (NatRuleKind.Static or NatRuleKind.StaticPort) || rule.Inactive
                || rule.Direction != NatDirection.InsideSource || rule.RealAddresses.IsEmpty)
            {
                continue;
            }

            var global = rule.MappedAddresses.IsEmpty ? $"interface {rule.TargetInterface}" : rule.MappedAddresses[0].ToString();
            var key = rule.Kind == NatRuleKind.StaticPort ? $"{global} {rule.Protocol?.ToString().ToLowerInvariant()} {rule.MappedPort}" : global;
            if (seen.TryGetValue(key, out var earlier) && earlier.RealAddresses[0] != rule.RealAddresses[0])
            {
                diagnostics.Add(Descriptor, rule.Span, key, earlier.RealAddresses[0], earlier.Span.Line.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            seen.TryAdd(key, rule);
        }
    }
}
