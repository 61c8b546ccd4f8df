using System.Globalization;
using Alg.Compiler.Binding;
using Alg.Compiler.Lowering;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3012 — an ACL entry that can never match because one earlier entry matches every packet it would
/// (first match wins). Only a single earlier entry is considered, so the rule never reports a false positive.
/// Entries are compared in the IR's normal form with the test the lowering uses to prune shadowed rules,
/// so lint and the engines agree on which rules are dead. An earlier entry the device matches more narrowly than
/// the policy can say (an ICMP type, a time-range) proves nothing and is skipped.
/// </summary>
public sealed class ShadowedAclRuleRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ShadowedAclRule;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var acl in configuration.Policy.Acls)
        {
            var lowered = acl.Entries.Select(entry => LowerAclsPass.LowerEntry(acl.Kind, entry)).ToArray();

            // Looked up once per entry, not once per pair: hashing a span's file name in the pair loop cost more
            // than the comparison itself on long ACLs.
            var narrowed = Array.ConvertAll(lowered, entry => configuration.NarrowedAclEntries.Contains(entry.Span));

            // One configuration line may expand to several entries (an ASA protocol or service group); the line is
            // dead only when every entry it made is covered by an entry of an earlier line, and it is reported once.
            var start = 0;
            while (start < lowered.Length)
            {
                var end = start + 1;
                while (end < lowered.Length && SameLine(lowered[end].Span, lowered[start].Span))
                {
                    end++;
                }

                var coveringLine = -1;
                for (var j = start; j < end; j++)
                {
                    var later = lowered[j];
                    var cover = -1;
                    for (var i = 0; i < start; i++)
                    {
                        if (!narrowed[i] && PruneShadowedRulesPass.Covers(lowered[i], later))
                        {
                            cover = i;
                            break;
                        }
                    }

                    if (cover < 0)
                    {
                        coveringLine = -1;
                        break;
                    }

                    coveringLine = coveringLine < 0 ? lowered[cover].Span.Line : coveringLine;
                }

                if (coveringLine >= 0)
                {
                    diagnostics.Add(Descriptor, lowered[start].Span, acl.Name, coveringLine.ToString(CultureInfo.InvariantCulture));
                }

                start = end;
            }
        }
    }

    // A line that matches fewer packets than its model (an ICMP type) covers nothing for certain.
    private static bool SameLine(Alg.Policy.Text.SourceSpan a, Alg.Policy.Text.SourceSpan b) =>
        a.Line == b.Line && a.Line > 0 && string.Equals(a.File, b.File, StringComparison.Ordinal);
}
