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
    public bool Matches(in PacketTuple tuple, IPolicyClassifier classifier)
    {
        if (!RealAddresses.IsEmpty)
        {
            var inRange = false;
            foreach (var range in RealAddresses)
            {
                if (tuple.Source >= range.First.Value && tuple.Source <= range.Last.Value)
                {
                    inRange = true;
                    break;
                }
            }

            if (!inRange)
            {
                return false;
            }
        }

        if (Protocol != 0 && (tuple.Protocol != Protocol || RealPort is not { } port || !port.Contains(tuple.SourcePort)))
        {
            return false;
        }

        if (MatchAclId >= 0)
        {
            var rule = classifier.Classify(MatchAclId, tuple);
            return rule >= 0 && classifier.Program.Acls[MatchAclId].Rules[rule].Permit;
        }

        return true;
    }
}
