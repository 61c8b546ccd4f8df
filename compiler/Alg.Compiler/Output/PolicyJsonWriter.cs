using System.Text;
using System.Text.Json;
using Alg.Grammar.Common;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Output;

/// <summary>
/// `alg policy --json`: the effective vendor-neutral policy. Every setting says where it came from:
/// "default" or file:line. Keys are camelCase; option names and timer names are the kebab-case words.
/// </summary>
public static class PolicyJsonWriter
{
    public static string Write(PolicyModel policy)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("dialect", DialectNames.Option(policy.Dialect));
            WriteOptionalString(json, "hostname", policy.Hostname);
            json.WriteBoolean("statefulInspection", policy.StatefulInspection);
            WriteInterfaces(json, policy);
            WriteAlgs(json, policy);
            WriteSunRpcServers(json, policy);
            WriteNat(json, policy);
            WritePools(json, policy);
            WriteAcls(json, policy);
            WriteTimeouts(json, policy);
            WriteBehavior(json, policy.Behavior);
            WriteLimits(json, policy.Limits);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Source(SourceSpan span) => span.IsNone ? "default" : $"{span.File}:{span.Line}";

    private static void WriteInterfaces(Utf8JsonWriter json, PolicyModel policy)
    {
        json.WriteStartArray("interfaces");
        foreach (var iface in policy.Interfaces)
        {
            json.WriteStartObject();
            json.WriteString("name", iface.Name);
            WriteOptionalString(json, "alias", iface.Alias);
            json.WriteString("role", iface.Role switch { InterfaceRole.Inside => "inside", InterfaceRole.Outside => "outside", _ => "none" });
            if (iface.Address is { } address)
            {
                json.WriteString("address", address.ToString());
            }
            else
            {
                json.WriteString("address", iface.DynamicAddress ? "dynamic" : null);
            }

            WriteOptionalString(json, "description", iface.Description);
            json.WriteBoolean("shutdown", iface.Shutdown);
            WriteOptionalString(json, "inboundAcl", iface.InboundAcl);
            WriteOptionalString(json, "outboundAcl", iface.OutboundAcl);
            if (iface.InboundAclMatchesRealAddresses)
            {
                json.WriteString("inboundAclAddresses", "real");
            }

            if (iface.SecurityLevel is int level)
            {
                json.WriteNumber("securityLevel", level);
            }

            json.WriteString("source", Source(iface.Span));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteAlgs(Utf8JsonWriter json, PolicyModel policy)
    {
        json.WriteStartArray("algs");
        foreach (var alg in policy.Algs)
        {
            json.WriteStartObject();
            json.WriteString("name", alg.Name);
            json.WriteBoolean("enabled", alg.Enabled);
            json.WriteBoolean("implemented", Alg.StdlibAlgs.AlgCatalog.Find(alg.Name)?.Implemented ?? false);
            json.WriteStartArray("ports");
            foreach (var port in alg.Ports)
            {
                json.WriteStartObject();
                json.WriteString("protocol", port.Protocol.ToString().ToLowerInvariant());
                json.WriteNumber("port", port.Port);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("options");
            foreach (var (name, value) in alg.Options)
            {
                WriteOptionValue(json, name, value);
            }

            json.WriteEndObject();
            json.WriteString("source", Source(alg.Source));
            if (alg.DefaultIsInferred)
            {
                json.WriteBoolean("inferredDefault", true);
            }

            WriteOptionalString(json, "inspectMap", alg.InspectMap);
            json.WriteStartArray("lines");
            foreach (var span in alg.Spans)
            {
                json.WriteStringValue(Source(span));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>ASA <c>sunrpc-server</c> entries; absent when there are none.</summary>
    private static void WriteSunRpcServers(Utf8JsonWriter json, PolicyModel policy)
    {
        if (policy.SunRpcServers.IsDefaultOrEmpty)
        {
            return;
        }

        json.WriteStartArray("sunRpcServers");
        foreach (var entry in policy.SunRpcServers)
        {
            json.WriteStartObject();
            json.WriteString("interface", entry.Interface);
            json.WriteString("servers", entry.Servers.ToString());
            json.WriteNumber("program", entry.Program);
            json.WriteString("protocol", entry.Protocol.ToString().ToLowerInvariant());
            json.WriteString("ports", entry.Ports.ToString());
            json.WriteNumber("timeout", entry.TimeoutSeconds);
            json.WriteString("source", Source(entry.Span));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOptionValue(Utf8JsonWriter json, string name, AlgOptionValue value)
    {
        switch (value.Kind)
        {
            case AlgOptionKind.Boolean:
                json.WriteBoolean(name, value.AsBoolean);
                break;
            case AlgOptionKind.Choice or AlgOptionKind.List:
                json.WriteString(name, value.Text);
                break;
            default:
                json.WriteNumber(name, value.Number);
                break;
        }
    }

    private static void WriteNat(Utf8JsonWriter json, PolicyModel policy)
    {
        json.WriteStartArray("nat");
        foreach (var rule in policy.NatRules)
        {
            json.WriteStartObject();
            json.WriteString("kind", KebabCase.From(rule.Kind.ToString()));
            json.WriteString("direction", KebabCase.From(rule.Direction.ToString()));
            WriteOptionalString(json, "matchAcl", rule.MatchAcl);
            WriteOptionalString(json, "matchRouteMap", rule.MatchRouteMap);
            WriteRanges(json, "real", rule.RealAddresses);
            json.WriteString("target", KebabCase.From(rule.TargetKind.ToString()));
            WriteOptionalString(json, "targetInterface", rule.TargetInterface);
            WriteOptionalString(json, "targetPool", rule.TargetPool);
            WriteRanges(json, "mapped", rule.MappedAddresses);
            if (rule.Protocol is { } protocol)
            {
                json.WriteString("protocol", protocol.ToString().ToLowerInvariant());
            }

            WriteOptionalString(json, "realPort", rule.RealPort?.ToString());
            WriteOptionalString(json, "mappedPort", rule.MappedPort?.ToString());
            WriteOptionalString(json, "realInterface", rule.RealInterface);
            WriteOptionalString(json, "mappedInterface", rule.MappedInterface);
            WriteRanges(json, "mappedDestination", rule.MappedDestination);
            WriteRanges(json, "realDestination", rule.RealDestination);
            if (rule.Extendable)
            {
                json.WriteBoolean("extendable", true);
            }

            if (!rule.TranslatePayload)
            {
                json.WriteBoolean("translatePayload", false);
            }

            if (rule.Inactive)
            {
                json.WriteBoolean("inactive", true);
            }

            json.WriteString("source", Source(rule.Span));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WritePools(Utf8JsonWriter json, PolicyModel policy)
    {
        json.WriteStartArray("pools");
        foreach (var pool in policy.NatPools)
        {
            json.WriteStartObject();
            json.WriteString("name", pool.Name);
            json.WriteString("first", pool.Addresses.First.ToString());
            json.WriteString("last", pool.Addresses.Last.ToString());
            if (pool.PrefixLength is int length)
            {
                json.WriteNumber("prefixLength", length);
            }

            json.WriteString("source", Source(pool.Span));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteAcls(Utf8JsonWriter json, PolicyModel policy)
    {
        json.WriteStartArray("acls");
        foreach (var acl in policy.Acls)
        {
            json.WriteStartObject();
            json.WriteString("name", acl.Name);
            json.WriteString("kind", KebabCase.From(acl.Kind.ToString()));
            json.WriteString("source", Source(acl.Span));
            json.WriteStartArray("entries");
            foreach (var entry in acl.Entries)
            {
                json.WriteStartObject();
                json.WriteNumber("sequence", entry.Sequence);
                json.WriteString("action", entry.Action == AclAction.Permit ? "permit" : "deny");
                if (entry.Protocol is byte number)
                {
                    json.WriteNumber("protocol", number);
                }
                else
                {
                    json.WriteString("protocol", "ip");
                }

                WriteMatches(json, "source", entry.Sources);
                WritePorts(json, "sourcePorts", entry.SourcePorts);
                WriteMatches(json, "destination", entry.Destinations);
                WritePorts(json, "destinationPorts", entry.DestinationPorts);
                if (entry.Established)
                {
                    json.WriteBoolean("established", true);
                }

                json.WriteString("line", Source(entry.Span));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteTimeouts(Utf8JsonWriter json, PolicyModel policy)
    {
        json.WriteStartObject("timeouts");
        foreach (var (name, timer) in policy.Timeouts)
        {
            json.WriteStartObject(name);
            if (timer.Seconds is long seconds)
            {
                json.WriteNumber("seconds", seconds);
            }
            else
            {
                json.WriteString("seconds", "never");
            }

            json.WriteString("source", Source(timer.Source));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteBehavior(Utf8JsonWriter json, NatBehavior behavior)
    {
        json.WriteStartObject("behavior");
        json.WriteString("mapping", KebabCase.From(behavior.Mapping.ToString()));
        json.WriteString("filtering", KebabCase.From(behavior.Filtering.ToString()));
        json.WriteBoolean("portPreservation", behavior.PortPreservation);
        json.WriteBoolean("consistentNat", behavior.ConsistentNat);
        json.WriteBoolean("hairpinning", behavior.Hairpinning);
        json.WriteString("source", Source(behavior.Source));
        json.WriteEndObject();
    }

    private static void WriteLimits(Utf8JsonWriter json, NatLimits limits)
    {
        json.WriteStartObject("limits");
        if (limits.MaxEntries is long max)
        {
            json.WriteNumber("maxEntries", max);
        }

        if (limits.PerHostDefault is long perHost)
        {
            json.WriteNumber("perHostDefault", perHost);
        }

        json.WriteStartArray("perHost");
        foreach (var host in limits.PerHost)
        {
            json.WriteStartObject();
            json.WriteString("host", host.Host.ToString());
            json.WriteNumber("maxEntries", host.MaxEntries);
            json.WriteString("source", Source(host.Span));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRanges(Utf8JsonWriter json, string name, System.Collections.Immutable.ImmutableArray<AddressRange> ranges)
    {
        if (ranges.IsDefaultOrEmpty)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var range in ranges)
        {
            json.WriteStringValue(range.ToString());
        }

        json.WriteEndArray();
    }

    private static void WriteMatches(Utf8JsonWriter json, string name, System.Collections.Immutable.ImmutableArray<AddressMatch> matches)
    {
        json.WriteStartArray(name);
        foreach (var match in matches)
        {
            json.WriteStringValue(match.ToString());
        }

        json.WriteEndArray();
    }

    private static void WritePorts(Utf8JsonWriter json, string name, System.Collections.Immutable.ImmutableArray<PortRange> ports)
    {
        if (ports.IsDefaultOrEmpty)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var port in ports)
        {
            json.WriteStringValue(port.ToString());
        }

        json.WriteEndArray();
    }

    private static void WriteOptionalString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
