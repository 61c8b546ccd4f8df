using Alg.Grammar.ScreenOs.Ast;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>
/// Services and the policies that permit them, as far as the RPC ALGs' filters go: <c>set service NAME protocol
/// ms-rpc uuid U</c> (<c>+ ms-rpc uuid U</c> for more), <c>protocol sun-rpc program LOW-HIGH</c>, the predefined
/// MS-RPC and SUN-RPC services, service groups, and <c>set policy … SERVICE permit</c> with the services a policy's
/// context adds.
/// </summary>
public sealed partial class ScreenOsBinder
{
    private const int MaxGroupDepth = 8;

    private readonly Dictionary<string, RpcService> _rpcServices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _serviceGroupMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<int, RpcPolicyDraft> _rpcPolicies = [];
    private readonly List<RpcPolicyDraft> _rpcPoliciesWithoutId = [];

    /// <summary>A custom service line: the UUID of an <c>ms-rpc</c> entry, the program range of a <c>sun-rpc</c> one.</summary>
    private void BindRpcService(ScreenOsService service)
    {
        var name = service.Name.Value;
        if (service.Unset)
        {
            _rpcServices.Remove(name);
            return;
        }

        var words = service.Settings;
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i].Value is not ("protocol" or "+"))
            {
                continue;
            }

            var protocol = words[i + 1].Value.ToLowerInvariant();
            var (alg, keyword) = protocol switch
            {
                "ms-rpc" => ("msrpc", "uuid"),
                "sun-rpc" => ("sunrpc", "program"),
                _ => (null, null),
            };
            if (alg is null)
            {
                continue;
            }

            // `+ ms-rpc uuid U`: the value after the keyword; a missing one is reported at the keyword (lint ALG3031).
            var at = i + 2 < words.Length && words[i + 2].Value.Equals(keyword, StringComparison.OrdinalIgnoreCase) ? i + 3 : -1;
            var value = at > 0 && at < words.Length ? words[at] : new(string.Empty, at > 0 ? words[at - 1].Span : words[i + 1].Span);
            _context.RecordRpcFilterValue(new RpcFilterValue(alg, keyword!, value.Value, value.Span));
            var added = alg == "msrpc" ? RpcService.ForUuids(value.Value.ToLowerInvariant()) : RpcService.ForPrograms(value.Value);
            _rpcServices[name] = _rpcServices.GetValueOrDefault(name, RpcService.None).Union(added);
        }
    }

    private void BindServiceGroupMember(ScreenOsServiceGroup group)
    {
        var name = group.Name.Value;
        if (group.Member is not { } member)
        {
            if (group.Unset)
            {
                _serviceGroupMembers.Remove(name);
            }

            return;
        }

        if (!_serviceGroupMembers.TryGetValue(name, out var members))
        {
            members = [];
            _serviceGroupMembers[name] = members;
        }

        if (group.Remove)
        {
            members.Remove(member.Value);
        }
        else
        {
            members.Add(member.Value);
        }
    }

    /// <summary>A policy line: its from-zone (the side of its clients), its service and whether it permits.</summary>
    private void TrackRpcPolicy(ScreenOsPolicy policy, string fromZone)
    {
        var draft = new RpcPolicyDraft(fromZone, policy.Span) { Permits = !policy.Unset && policy.Action.Value is "permit" or "tunnel" };
        draft.Services.Add((policy.Service.Value, policy.Service.Span));
        if (policy.Id is not { } id)
        {
            if (!policy.Unset)
            {
                _rpcPoliciesWithoutId.Add(draft);
            }
        }
        else if (policy.Unset)
        {
            _rpcPolicies.Remove(id.Value);
        }
        else
        {
            _rpcPolicies[id.Value] = draft;
        }
    }

    /// <summary>`set service X` / `unset service X` inside `set policy id N` … `exit`.</summary>
    private void TrackRpcPolicyService(int id, ScreenOsContextSetting child)
    {
        if (child.Subject is not { } service || !_rpcPolicies.TryGetValue(id, out var draft))
        {
            return;
        }

        if (child.Unset)
        {
            draft.Services.RemoveAll(s => s.Name == service.Value);
        }
        else
        {
            draft.Services.Add((service.Value, service.Span));
        }
    }

    private void DeleteRpcPolicy(int id) => _rpcPolicies.Remove(id);

    private void DisableRpcPolicy(int id, bool disabled)
    {
        if (_rpcPolicies.TryGetValue(id, out var draft))
        {
            draft.Disabled = disabled;
        }
    }

    /// <summary>The RPC filters the permitting policies add up to, per side of their clients (<see cref="RpcFilterBuilder"/>).</summary>
    private void ApplyRpcFilters()
    {
        var filters = new RpcFilterBuilder();
        foreach (var policy in _rpcPolicies.Values.Concat(_rpcPoliciesWithoutId).Where(p => p.Permits && !p.Disabled))
        {
            var side = ScreenOsDefaults.RoleOfZone(ZoneKey(policy.FromZone!));
            foreach (var (name, span) in policy.Services)
            {
                if (name.Equals("ANY", StringComparison.OrdinalIgnoreCase))
                {
                    filters.PermitEverything(side);
                    continue;
                }

                filters.Permit(side, ResolveRpcService(name, span, 0), policy.Span);
            }
        }

        filters.Apply(_context.Algs);
    }

    private RpcService ResolveRpcService(string name, SourceSpan span, int depth)
    {
        if (_rpcServices.TryGetValue(name, out var defined))
        {
            return defined;
        }

        if (_services.Contains(name))
        {
            // A custom service of ports and protocols: nothing of RPC.
            return RpcService.None;
        }

        if (_serviceGroupMembers.TryGetValue(name, out var members))
        {
            return depth >= MaxGroupDepth
                ? RpcService.None
                : members.Aggregate(RpcService.None, (all, member) => all.Union(ResolveRpcService(member, span, depth + 1)));
        }

        if (ScreenOsRpcServices.All.TryGetValue(name, out var predefined))
        {
            return predefined;
        }

        if (ScreenOsRpcServices.IsRpcFamily(name))
        {
            _context.RecordUnknownRpcService(new UnknownRpcService(name, span, ScreenOsRpcServices.Names));
            return ScreenOsRpcServices.Unknown(name);
        }

        return RpcService.None;
    }
}
