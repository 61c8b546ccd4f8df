using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// ASA <c>sunrpc-server</c> static entries (<see cref="SunRpcServerEntry"/>): the SunRPC inspection's static services
/// table lets a program's ports on its servers be reached from every other interface without a port mapper's answer,
/// as the entry an answer would have made. Lowered as permit rules in front of each other interface's inbound ACL — a
/// copy of the ACL, named <c>ACL+sunrpc-server</c>, when its interfaces differ in the entries they get — naming the
/// destination that ACL reads: the real server address where the ACL names real addresses (ASA 8.3+), otherwise also the
/// address a static NAT publishes it as. Both engines read the rules as any other ACL's, and a reload that drops an
/// entry (or turns <c>inspect sunrpc</c> off: the entries then do nothing) drops its rules with the program. An
/// interface with no inbound ACL already lets the traffic in. Runs after NAT selection, whose static mappings it reads.
/// </summary>
public sealed class LowerSunRpcServersPass : ILoweringPass
{
    /// <summary>The most hosts one entry's range is spelt out as when its static NAT mapping is not a whole subnet.</summary>
    private const int MaxSpeltOutHosts = 256;

    public string Name => "lower-sunrpc-servers";

    public void Run(LoweringState state)
    {
        var policy = state.Policy;
        if (policy.SunRpcServers.IsDefaultOrEmpty || policy.FindAlg("sunrpc") is not { Enabled: true })
        {
            return;
        }

        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < state.Interfaces.Count; i++)
        {
            var plan = state.Interfaces[i];
            if (plan.InboundAclId < 0)
            {
                continue;
            }

            var entries = policy.SunRpcServers.Where(e => !IsOn(policy, e, plan.Name)).ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            // Interfaces sharing an ACL and getting the same entries share one copy of it.
            var key = $"{plan.InboundAclId}:{plan.InboundAclMatchesRealAddresses}:{string.Join(',', entries.Select(e => policy.SunRpcServers.IndexOf(e)))}";
            if (!copies.TryGetValue(key, out var copy))
            {
                var acl = state.Acls[plan.InboundAclId];
                var permits = entries.Select(e => Permit(e, plan.InboundAclMatchesRealAddresses, state.NatRules));
                copy = state.Acls.Count;
                state.Acls.Add(new AclProgram(copy, acl.Name + "+sunrpc-server", [.. permits, .. acl.Rules]));
                copies[key] = copy;
            }

            state.Interfaces[i] = plan with { InboundAclId = copy };
        }
    }

    /// <summary>Whether the entry's servers live on this interface (matched by device name or nameif).</summary>
    private static bool IsOn(PolicyModel policy, SunRpcServerEntry entry, string interfaceName) =>
        policy.FindInterface(entry.Interface) is { } serverInterface && serverInterface.Name == interfaceName;

    private static AclRuleIr Permit(SunRpcServerEntry entry, bool realAddresses, List<NatRulePlan> nat)
    {
        var destinations = new List<AddressMatch>();
        AddRange(destinations, entry.Servers);
        if (!realAddresses)
        {
            // The ACL sees the destination on the wire: a server behind a static mapping is addressed by its mapped one.
            foreach (var rule in nat.Where(r => r.Kind == NatRuleKind.Static))
            {
                if (rule.TryMapStatic(entry.Servers.First.Value, out var first) && rule.TryMapStatic(entry.Servers.Last.Value, out var last)
                    && last - first == entry.Servers.Last.Value - entry.Servers.First.Value)
                {
                    AddRange(destinations, new AddressRange(new Ipv4Address(first), new Ipv4Address(last)));
                }
            }
        }

        var protocol = entry.Protocol == TransportProtocol.Tcp ? IpProtocol.Tcp : IpProtocol.Udp;
        return new AclRuleIr(true, protocol, [], [], [.. destinations.Distinct()], [entry.Ports], false, entry.Span);
    }

    /// <summary>A range as ACL address tests: one when it is a whole subnet, else host by host (a small range).</summary>
    private static void AddRange(List<AddressMatch> matches, AddressRange range)
    {
        var size = (ulong)range.Last.Value - range.First.Value + 1;
        if ((size & (size - 1)) == 0 && (range.First.Value & (uint)(size - 1)) == 0)
        {
            matches.Add(AddressMatch.FromRange(range));
            return;
        }

        for (var address = (ulong)range.First.Value; address <= range.Last.Value && matches.Count < MaxSpeltOutHosts; address++)
        {
            matches.Add(AddressMatch.Host(new Ipv4Address((uint)address)));
        }
    }
}
