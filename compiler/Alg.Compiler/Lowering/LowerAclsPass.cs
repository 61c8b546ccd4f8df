using Alg.Policy.Model;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Lowers every ACL the pipeline consults (applied to an interface or matched by a NAT rule) to an
/// <see cref="AclProgram"/>: standard lists test only the source, "ip" becomes protocol 0, and a list
/// referenced but undefined becomes an empty list — deny all, as the devices do.
/// </summary>
public sealed class LowerAclsPass : ILoweringPass
{
    public string Name => "lower-acls";

    public void Run(LoweringState state)
    {
        var policy = state.Policy;
        var used = new List<string>();
        foreach (var iface in policy.Interfaces)
        {
            AddName(used, iface.InboundAcl);
            AddName(used, iface.OutboundAcl);
        }

        foreach (var rule in policy.NatRules)
        {
            AddName(used, rule.MatchAcl);
        }

        foreach (var name in used)
        {
            var acl = policy.FindAcl(name);
            var rules = acl is null ? [] : acl.Entries.Select(entry => LowerEntry(acl.Kind, entry)).ToList();
            state.AclIds[name] = state.Acls.Count;
            state.Acls.Add(new AclProgram(state.Acls.Count, name, [.. rules]));
        }
    }

    private static void AddName(List<string> names, string? name)
    {
        if (name is not null && !names.Contains(name))
        {
            names.Add(name);
        }
    }

    /// <summary>One ACL entry in the IR's normal form; lint compares entries in this form too.</summary>
    internal static AclRuleIr LowerEntry(AclKind kind, AclEntry entry)
    {
        var anySource = entry.Sources.IsDefaultOrEmpty || entry.Sources.Any(s => s.IsAny);
        if (kind == AclKind.Standard)
        {
            return new AclRuleIr(entry.Action == AclAction.Permit, 0, anySource ? [] : entry.Sources, [], [], [], false, entry.Span);
        }

        var anyDestination = entry.Destinations.IsDefaultOrEmpty || entry.Destinations.Any(d => d.IsAny);
        return new AclRuleIr(
            entry.Action == AclAction.Permit,
            entry.Protocol ?? 0,
            anySource ? [] : entry.Sources,
            entry.SourcePorts.IsDefaultOrEmpty || entry.SourcePorts.Any(p => p.IsAll) ? [] : entry.SourcePorts,
            anyDestination ? [] : entry.Destinations,
            entry.DestinationPorts.IsDefaultOrEmpty || entry.DestinationPorts.Any(p => p.IsAll) ? [] : entry.DestinationPorts,
            entry.Established,
            entry.Span);
    }
}
