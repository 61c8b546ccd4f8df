using System.Globalization;
using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3012 — an ACL entry that can never match because one earlier entry matches every packet it would
/// (first match wins). Only a single earlier entry is considered, so the rule never reports a false positive.
/// </summary>
public sealed class ShadowedAclRuleRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ShadowedAclRule;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var acl in configuration.Policy.Acls)
        {
            for (var j = 1; j < acl.Entries.Length; j++)
            {
                var later = acl.Entries[j];
                for (var i = 0; i < j; i++)
                {
                    var earlier = acl.Entries[i];
                    if (Covers(earlier, later))
                    {
                        diagnostics.Add(Descriptor, later.Span, acl.Name, earlier.Span.Line.ToString(CultureInfo.InvariantCulture));
                        break;
                    }
                }
            }
        }
    }

    /// <summary>True when every packet <paramref name="later"/> matches is matched by <paramref name="earlier"/>.</summary>
    public static bool Covers(AclEntry earlier, AclEntry later)
    {
        if (earlier.Protocol is not null && earlier.Protocol != later.Protocol)
        {
            return false;
        }

        if (earlier.Established && !later.Established)
        {
            return false;
        }

        return AddressesCover(earlier.Sources, later.Sources)
            && AddressesCover(earlier.Destinations, later.Destinations)
            && PortsCover(earlier.SourcePorts, later.SourcePorts)
            && PortsCover(earlier.DestinationPorts, later.DestinationPorts);
    }

    private static bool AddressesCover(System.Collections.Immutable.ImmutableArray<AddressMatch> earlier, System.Collections.Immutable.ImmutableArray<AddressMatch> later)
    {
        if (earlier.IsEmpty)
        {
            return true;
        }

        return !later.IsEmpty && later.All(l => earlier.Any(e => l.IsSubsetOf(e)));
    }

    private static bool PortsCover(System.Collections.Immutable.ImmutableArray<PortRange> earlier, System.Collections.Immutable.ImmutableArray<PortRange> later)
    {
        if (earlier.IsEmpty)
        {
            return true;
        }

        return !later.IsEmpty && later.All(l => earlier.Any(e => l.IsSubsetOf(e)));
    }
}
