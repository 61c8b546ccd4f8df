using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>
/// What selects a NAT rule for a new inside flow: the real addresses it names and/or the ACL it matches, and
/// for a port forward the transport and real port. Rules are tried in <see cref="Id"/> order.
/// </summary>
/// <param name="PolicyIndex">Index of the rule in <see cref="PolicyModel.NatRules"/>.</param>
public sealed record NatRulePlan(
    int Id,
    int PolicyIndex,
    NatRuleKind Kind,
    int MatchAclId,
    ImmutableArray<AddressRange> RealAddresses,
    byte Protocol,
    PortRange? RealPort,
    SourceSpan Span)
{
    /// <summary>
    /// Does a new flow take this rule? A port forward needs its exact host, transport and port; a static
    /// mapping its real addresses (and its ACL, if any); dynamic and exempt rules their ACL when they have
    /// one, else their real addresses, else every source.
    /// </summary>
    public bool Matches(in PacketTuple tuple, IPolicyClassifier classifier)
    {
        switch (Kind)
        {
            case NatRuleKind.StaticPort:
                return tuple.Protocol == Protocol && RealPort is { } port && tuple.SourcePort == port.Low
                    && !RealAddresses.IsEmpty && tuple.Source == RealAddresses[0].First.Value;
            case NatRuleKind.Static:
                return InRealAddresses(tuple.Source) && (MatchAclId < 0 || Permits(classifier, tuple));
            default:
                return MatchAclId >= 0 ? Permits(classifier, tuple) : RealAddresses.IsEmpty || InRealAddresses(tuple.Source);
        }
    }

    private bool Permits(IPolicyClassifier classifier, in PacketTuple tuple)
    {
        var rule = classifier.Classify(MatchAclId, tuple);
        return rule >= 0 && classifier.Program.Acls[MatchAclId].Rules[rule].Permit;
    }

    private bool InRealAddresses(uint source)
    {
        foreach (var range in RealAddresses)
        {
            if (source >= range.First.Value && source <= range.Last.Value)
            {
                return true;
            }
        }

        return false;
    }
}
