using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>The result of binding: the policy, with the AST and the facts lint rules need about how it was written.</summary>
public sealed record BoundConfiguration(
    ConfigurationAst Ast,
    PolicyModel Policy,
    ReferenceTable References,
    ImmutableArray<SettingRecord> Settings)
{
    /// <summary>
    /// ACL entries (by span) that match fewer packets on the device than in the policy, which Alg widened (an ICMP
    /// type, a time-range, a DSCP value): such an entry never proves that a later one is dead.
    /// </summary>
    public IReadOnlySet<SourceSpan> NarrowedAclEntries { get; init; } = new HashSet<SourceSpan>();

    /// <summary>
    /// The file holds access lists and nothing else that is named or could apply them (no interface, no reference): a
    /// fragment written to be merged into a device, as capirca and aerleon write them, whose lists are not unused.
    /// </summary>
    public bool AclFragment { get; init; }

    /// <summary>The UUIDs and program numbers application (Junos) or service (ScreenOS) definitions name, as written.</summary>
    public ImmutableArray<RpcFilterValue> RpcFilterValues { get; init; } = [];

    /// <summary>Predefined RPC applications or services permitting policies name whose UUIDs or programs Alg does not know.</summary>
    public ImmutableArray<UnknownRpcService> UnknownRpcServices { get; init; } = [];
}
