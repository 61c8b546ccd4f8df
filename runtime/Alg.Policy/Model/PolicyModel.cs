using System.Collections.Immutable;
using Alg.Policy.Algs;

namespace Alg.Policy.Model;

/// <summary>
/// The vendor-neutral policy one configuration produces: everything later stages need, nothing of the
/// vendor syntax.
/// </summary>
/// <remarks>Immutable: a running pipeline keeps the policy it was built from while a new one is checked.</remarks>
/// <param name="SunRpcServers">ASA <c>sunrpc-server</c> static entries, in file order.</param>
public sealed record PolicyModel(
    Dialect Dialect,
    string? Hostname,
    ImmutableArray<string> SourceFiles,
    ImmutableArray<InterfacePolicy> Interfaces,
    ImmutableArray<Acl> Acls,
    ImmutableArray<NatPool> NatPools,
    ImmutableArray<NatRule> NatRules,
    NatBehavior Behavior,
    NatLimits Limits,
    bool StatefulInspection,
    ImmutableSortedDictionary<string, TimerSetting> Timeouts,
    ImmutableArray<AlgPolicy> Algs,
    ImmutableArray<SunRpcServerEntry> SunRpcServers = default)
{
    public AlgPolicy? FindAlg(string name) => Algs.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    public Acl? FindAcl(string name) => Acls.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    public InterfacePolicy? FindInterface(string name) =>
        Interfaces.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal) || string.Equals(i.Alias, name, StringComparison.Ordinal));
}
