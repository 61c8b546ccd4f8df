using System.Globalization;
using System.Text;
using Alg.Grammar.Common;
using Alg.Policy.Model;

namespace Alg.Compiler.Output;

/// <summary>`alg policy`: the effective policy for a person — what is on, on which ports, and which line said so.</summary>
public static class PolicyTextWriter
{
    public static string Write(PolicyModel policy)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"dialect: {DialectNames.Display(policy.Dialect)}");
        if (policy.Hostname is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  hostname: {policy.Hostname}");
        }

        text.Append('\n');
        text.Append("\ninterfaces:\n");
        foreach (var iface in policy.Interfaces)
        {
            var address = iface.Address?.ToString() ?? (iface.DynamicAddress ? "dynamic" : "-");
            var role = iface.Role switch { InterfaceRole.Inside => "inside", InterfaceRole.Outside => "outside", _ => "-" };
            text.Append(CultureInfo.InvariantCulture, $"  {iface.Name,-24} {role,-8} {address,-20} {(iface.Alias is null ? string.Empty : "(" + iface.Alias + ")")}\n");
        }

        text.Append("\nalgs:\n");
        foreach (var alg in policy.Algs)
        {
            var ports = alg.Ports.IsEmpty ? "-" : string.Join(",", alg.Ports.Select(p => p.ToString()));
            var source = PolicyJsonWriter.Source(alg.Source) + (alg.DefaultIsInferred ? " (inferred)" : string.Empty);
            // On in the configuration but not carried out by Alg yet: said wherever the ALG shows as on.
            var honesty = alg.Enabled && Alg.StdlibAlgs.AlgCatalog.Find(alg.Name) is { Implemented: false } ? "  [not implemented: forwarded untranslated]" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"  {alg.Name,-12} {(alg.Enabled ? "on" : "off"),-4} {ports,-28} {source}{honesty}\n");
            foreach (var (name, value) in alg.Options.Where(o => !o.Value.Source.IsNone))
            {
                var unacted = Alg.StdlibAlgs.AlgCatalog.Find(alg.Name)?.FindOption(name) is { ActedOn: false } ? "  [not acted on]" : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $"      {name} = {value}  ({PolicyJsonWriter.Source(value.Source)}){unacted}\n");
            }
        }

        foreach (var entry in policy.SunRpcServers.IsDefault ? [] : policy.SunRpcServers)
        {
            text.Append(CultureInfo.InvariantCulture, $"  sunrpc-server {entry.Interface} {entry.Servers} program {entry.Program} {entry.Protocol.ToString().ToLowerInvariant()}/{entry.Ports}  ({PolicyJsonWriter.Source(entry.Span)})\n");
        }

        text.Append("\nnat:\n");
        foreach (var rule in policy.NatRules)
        {
            var match = rule.MatchAcl is not null ? $"list {rule.MatchAcl}" : rule.MatchRouteMap is not null ? $"route-map {rule.MatchRouteMap}" : string.Join(",", rule.RealAddresses);
            var target = rule.TargetKind switch
            {
                NatTargetKind.Interface => $"interface {rule.TargetInterface}",
                NatTargetKind.Pool => $"pool {rule.TargetPool}",
                NatTargetKind.Addresses => string.Join(",", rule.MappedAddresses),
                _ => "none",
            };
            var ports = rule.Protocol is null ? string.Empty : $" {rule.Protocol.ToString()!.ToLowerInvariant()} {rule.RealPort}->{rule.MappedPort}";
            text.Append(CultureInfo.InvariantCulture, $"  {rule.Kind,-12} {rule.Direction,-18} {match} -> {target}{ports}  ({PolicyJsonWriter.Source(rule.Span)})\n");
        }

        text.Append("\ntimeouts:\n");
        foreach (var (name, timer) in policy.Timeouts)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name,-20} {(timer.Seconds?.ToString(CultureInfo.InvariantCulture) ?? "never"),-10} {PolicyJsonWriter.Source(timer.Source)}\n");
        }

        return text.ToString();
    }
}
