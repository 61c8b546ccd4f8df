using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Grammar.Junos.Ast;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>
/// Applications and the policies that permit them, as far as the RPC ALGs' filters go: <c>applications application
/// NAME [term T] (uuid U | rpc-program-number P | alg A | application-protocol A …)</c>, application sets, and
/// <c>security policies … policy P match application NAME</c> with <c>then permit</c>.
/// </summary>
public sealed partial class JunosBinder
{
    private const int MaxSetDepth = 8;

    private readonly Dictionary<string, RpcService> _applications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _applicationSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RpcPolicyDraft> _rpcPolicies = new(StringComparer.Ordinal);

    /// <summary>One line of an application's definition: its UUIDs and program numbers (the other keywords — protocol,
    /// ports, timeouts, the ALG — take one value each and matter to Alg only through the ALG's own port).</summary>
    private void BindApplication(JunosApplication application, bool active)
    {
        var name = application.Name.Value;
        var values = application.Values;
        if (!active && values.IsEmpty)
        {
            _applications.Remove(name);
            return;
        }

        var uuids = ImmutableArray.CreateBuilder<string>();
        var programs = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < values.Length; i += 2)
        {
            var keyword = values[i].Value.ToLowerInvariant();
            var value = i + 1 < values.Length ? values[i + 1] : new Located<string>(string.Empty, values[i].Span);
            switch (keyword)
            {
                case "uuid":
                    uuids.Add(value.Value.ToLowerInvariant());
                    if (active)
                    {
                        _context.RecordRpcFilterValue(new RpcFilterValue("msrpc", keyword, value.Value, value.Span));
                    }

                    break;
                case "rpc-program-number":
                    programs.Add(value.Value);
                    if (active)
                    {
                        _context.RecordRpcFilterValue(new RpcFilterValue("sunrpc", keyword, value.Value, value.Span));
                    }

                    break;
            }
        }

        var known = _applications.GetValueOrDefault(name, RpcService.None);
        _applications[name] = active
            ? known.Union(new RpcService(uuids.ToImmutable(), programs.ToImmutable()))
            : known with { Uuids = known.Uuids.RemoveRange(uuids), Programs = known.Programs.RemoveRange(programs) };
    }

    // `application-set SET application NAME` / `application-set SET application-set OTHER`.
    private void BindApplicationSet(JunosApplicationSet set, bool active)
    {
        var name = set.Name.Value;
        if (!active && set.Values.IsEmpty)
        {
            _applicationSets.Remove(name);
            return;
        }

        if (set.Values is not [{ Value: "application" or "application-set" }, var member, ..])
        {
            return;
        }

        if (!_applicationSets.TryGetValue(name, out var members))
        {
            members = [];
            _applicationSets[name] = members;
        }

        if (active)
        {
            members.Add(member.Value);
        }
        else
        {
            members.Remove(member.Value);
        }
    }

    /// <summary><c>from-zone A to-zone B policy P …</c> or <c>global policy P …</c>: the applications it matches and its
    /// action. <c>delete</c>/<c>deactivate</c> of the policy, of one application or of its permit take them back.</summary>
    private void TrackRpcPolicy(ImmutableArray<string> words, bool active, SourceSpan span)
    {
        string key;
        string? fromZone;
        ReadOnlySpan<string> rest;
        switch (words.AsSpan())
        {
            case ["from-zone", var from, "to-zone", var to, "policy", var policy, .. var tail]:
                key = $"{from}\u0000{to}\u0000{policy}";
                fromZone = from;
                rest = tail;
                break;
            case ["global", "policy", var policy, .. var tail]:
                key = $"\u0000global\u0000{policy}";
                fromZone = null;
                rest = tail;
                break;
            default:
                return;
        }

        if (!active && rest.IsEmpty)
        {
            _rpcPolicies.Remove(key);
            return;
        }

        if (!_rpcPolicies.TryGetValue(key, out var draft))
        {
            if (!active)
            {
                return;
            }

            draft = new RpcPolicyDraft(fromZone, span);
            _rpcPolicies[key] = draft;
        }

        switch (rest)
        {
            case ["match", "application", .. var names]:
                foreach (var name in names)
                {
                    // `match application [ a b ]` typed as one set line.
                    if (name is "[" or "]")
                    {
                        continue;
                    }

                    if (active)
                    {
                        draft.Services.Add((name, span));
                    }
                    else
                    {
                        draft.Services.RemoveAll(s => s.Name == name);
                    }
                }

                break;
            case ["then", "permit", ..]:
                draft.Permits = active;
                break;
            case ["then", "deny" or "reject", ..] when active:
                draft.Permits = false;
                break;
        }
    }

    /// <summary>The RPC filters the permitting policies add up to, per side of their clients (<see cref="RpcFilterBuilder"/>).</summary>
    private void ApplyRpcFilters(IReadOnlyCollection<InterfacePolicy> interfaces)
    {
        var filters = new RpcFilterBuilder();
        foreach (var policy in _rpcPolicies.Values.Where(p => p.Permits))
        {
            InterfaceRole[] sides = policy.FromZone is { } zone ? [SideOfZone(zone, interfaces)] : [InterfaceRole.Inside, InterfaceRole.Outside];
            foreach (var (name, span) in policy.Services)
            {
                if (name == "any")
                {
                    Array.ForEach(sides, filters.PermitEverything);
                    continue;
                }

                var service = ResolveApplication(name, span, 0);
                foreach (var side in sides)
                {
                    filters.Permit(side, service, policy.Span);
                }
            }
        }

        filters.Apply(_context.Algs);
    }

    private RpcService ResolveApplication(string name, SourceSpan span, int depth)
    {
        if (_applications.TryGetValue(name, out var defined))
        {
            return defined;
        }

        if (_applicationSets.TryGetValue(name, out var members))
        {
            return depth >= MaxSetDepth
                ? RpcService.None
                : members.Aggregate(RpcService.None, (all, member) => all.Union(ResolveApplication(member, span, depth + 1)));
        }

        if (JunosRpcApplications.All.TryGetValue(name, out var predefined))
        {
            return predefined;
        }

        if (JunosRpcApplications.IsRpcFamily(name))
        {
            _context.RecordUnknownRpcService(new UnknownRpcService(name, span, JunosRpcApplications.Names));
            return JunosRpcApplications.Unknown(name);
        }

        return RpcService.None;
    }

    /// <summary>The side a zone's interfaces face; a zone without them is placed by its name (trust, untrust).</summary>
    private static InterfaceRole SideOfZone(string zone, IReadOnlyCollection<InterfacePolicy> interfaces)
    {
        var roles = interfaces.Where(i => i.Alias == zone && i.Role != InterfaceRole.Unassigned).Select(i => i.Role).Distinct().ToList();
        return roles is [var role] ? role
            : roles.Count > 0 ? InterfaceRole.Unassigned
            : string.Equals(zone, "trust", StringComparison.OrdinalIgnoreCase) ? InterfaceRole.Inside
            : string.Equals(zone, "untrust", StringComparison.OrdinalIgnoreCase) ? InterfaceRole.Outside
            : InterfaceRole.Unassigned;
    }
}
