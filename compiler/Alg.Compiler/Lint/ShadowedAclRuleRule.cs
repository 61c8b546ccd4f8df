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
            for (var j = 1; j < lowered.Length; j++)
            {
                var later = lowered[j];
                for (var i = 0; i < j; i++)
                {
                    var earlier = lowered[i];
                    if (!configuration.NarrowedAclEntries.Contains(earlier.Span) && PruneShadowedRulesPass.Covers(earlier, later))
                    {
                        diagnostics.Add(Descriptor, later.Span, acl.Name, earlier.Span.Line.ToString(CultureInfo.InvariantCulture));
                        break;
                    }
                }
            }
        }
    }
}
