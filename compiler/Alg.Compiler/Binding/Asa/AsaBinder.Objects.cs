using System.Collections.Immutable;
using Alg.Grammar.Asa.Ast;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>Network and service objects, object groups and name aliases, and resolving references to them.</summary>
public sealed partial class AsaBinder
{
    private readonly Dictionary<string, List<AddressRange>> _networkObjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AsaObjectGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AsaServiceEntry>> _serviceObjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressRange> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AsaClassMap> _classMaps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AsaInspectMap> _inspectMaps = new(StringComparer.Ordinal);
    private readonly List<AsaLegacyGlobal> _globals = [];

    private void CollectStructures(ConfigurationAst ast)
    {
        foreach (var statement in ast.Statements)
        {
            switch (statement)
            {
                case AsaNameAlias alias when alias.Address is { } address:
                    _aliases[alias.Alias.Value] = AddressRange.Host(address);
                    break;
                case AsaObjectNetwork network:
                    _context.References.Define(ReferenceKind.Object, network.Name.Value, network.Name.Span);
                    var ranges = _networkObjects.TryGetValue(network.Name.Value, out var existing) ? existing : _networkObjects[network.Name.Value] = [];
                    foreach (var address in network.Children.OfType<AsaObjectAddress>())
                    {
                        // A later host/subnet/range line replaces the object's address, as on the device.
                        ranges.Clear();
                        if (address.Range is { } range)
                        {
                            ranges.Add(range);
                        }
                    }

                    break;
                case AsaObjectService service:
                    _context.References.Define(ReferenceKind.Object, service.Name.Value, service.Name.Span);
                    _serviceObjects[service.Name.Value] =
                        [.. service.Children.OfType<AsaServiceDefinition>().Select(d => new AsaServiceEntry(Protocol(d.Protocol.Value), Ranges(d.SourcePorts), Ranges(d.DestinationPorts)))];
                    break;
                case AsaObjectGroup group:
                    _context.References.Define(ReferenceKind.ObjectGroup, group.Name.Value, group.Name.Span);
                    _groups[group.Name.Value] = group;
                    break;
                case AsaClassMap classMap:
                    _context.References.Define(ReferenceKind.ClassMap, classMap.Name.Value, classMap.Name.Span);
                    _classMaps[classMap.Name.Value] = classMap;
                    foreach (var match in classMap.Children.OfType<AsaClassMatch>())
                    {
                        if (match.AccessList is { } acl)
                        {
                            _context.References.Reference(ReferenceKind.Acl, acl.Value, acl.Span, $"class-map {classMap.Name.Value}");
                        }
                    }

                    break;
                case AsaPolicyMap policyMap:
                    // The device applies global_policy by itself (factory `service-policy global_policy global`).
                    _context.References.Define(ReferenceKind.PolicyMap, policyMap.Name.Value, policyMap.Name.Span, builtin: policyMap.Name.Value == "global_policy");
                    break;
                case AsaLegacyGlobal global:
                    // PIX `nat (if) N` may come before the `global (if) N` it uses.
                    _globals.Add(global);
                    BindLegacyGlobal(global);
                    break;
                case AsaInspectMap inspectMap:
                    _context.References.Define(ReferenceKind.InspectMap, inspectMap.Name.Value, inspectMap.Name.Span);
                    _inspectMaps[inspectMap.Name.Value] = inspectMap;
                    break;
            }
        }

        // Factory structures a configuration may use without defining them.
        if (!_classMaps.ContainsKey("inspection_default"))
        {
            _context.References.Define(ReferenceKind.ClassMap, "inspection_default", SourceSpan.None, builtin: true);
        }

        _context.References.Define(ReferenceKind.InspectMap, "preset_dns_map", SourceSpan.None, builtin: true);
    }

    /// <summary>The addresses an object, object-group or alias name stands for; references are recorded for lint.</summary>
    private ImmutableArray<AddressRange> ResolveNetwork(Located<string> name, string usage)
    {
        if (_networkObjects.TryGetValue(name.Value, out var ranges))
        {
            _context.References.Reference(ReferenceKind.Object, name.Value, name.Span, usage);
            return [.. ranges];
        }

        if (_groups.ContainsKey(name.Value))
        {
            _context.References.Reference(ReferenceKind.ObjectGroup, name.Value, name.Span, usage);
            return [.. GroupAddresses(name.Value, [])];
        }

        if (_aliases.TryGetValue(name.Value, out var alias))
        {
            return [alias];
        }

        // Undefined: lint reports it from the reference table.
        _context.References.Reference(ReferenceKind.Object, name.Value, name.Span, usage);
        return [];
    }

    private IEnumerable<AddressRange> GroupAddresses(string name, HashSet<string> visiting)
    {
        if (!visiting.Add(name) || !_groups.TryGetValue(name, out var group))
        {
            yield break;
        }

        foreach (var member in group.Children.OfType<AsaGroupMember>())
        {
            switch (member.Kind)
            {
                case AsaGroupMemberKind.Address when member.Range is { } range:
                    yield return range;
                    break;
                case AsaGroupMemberKind.Alias when _aliases.TryGetValue(member.Reference!.Value.Value, out var alias):
                    yield return alias;
                    break;
                case AsaGroupMemberKind.Object:
                    _context.References.Reference(ReferenceKind.Object, member.Reference!.Value.Value, member.Reference.Value.Span, $"object-group {name}");
                    foreach (var range in _networkObjects.GetValueOrDefault(member.Reference.Value.Value) ?? [])
                    {
                        yield return range;
                    }

                    break;
                case AsaGroupMemberKind.Group:
                    _context.References.Reference(ReferenceKind.ObjectGroup, member.Reference!.Value.Value, member.Reference.Value.Span, $"object-group {name}");
                    foreach (var range in GroupAddresses(member.Reference.Value.Value, visiting))
                    {
                        yield return range;
                    }

                    break;
            }
        }
    }

    /// <summary>The protocol/port alternatives of a service object or service group (used as an ACL's protocol).</summary>
    private List<AsaServiceEntry> ResolveServices(string name, HashSet<string> visiting)
    {
        if (_serviceObjects.TryGetValue(name, out var entries))
        {
            return entries;
        }

        var result = new List<AsaServiceEntry>();
        if (!visiting.Add(name) || !_groups.TryGetValue(name, out var group))
        {
            return result;
        }

        var groupProtocol = group.Protocol is { } text ? Protocol(text) : null;
        foreach (var member in group.Children.OfType<AsaGroupMember>())
        {
            switch (member.Kind)
            {
                case AsaGroupMemberKind.Service:
                    result.Add(new AsaServiceEntry(Protocol(member.Protocol!.Value.Value), Ranges(member.SourcePorts), Ranges(member.Ports)));
                    break;
                case AsaGroupMemberKind.Protocol:
                    result.Add(new AsaServiceEntry(Protocol(member.Protocol!.Value.Value), [], []));
                    break;
                case AsaGroupMemberKind.Port:
                    // `object-group service NAME tcp-udp` lists ports for both transports.
                    foreach (var protocol in group.Protocol == "tcp-udp" ? new byte?[] { 6, 17 } : [groupProtocol])
                    {
                        result.Add(new AsaServiceEntry(protocol, [], Ranges(member.Ports)));
                    }

                    break;
                case AsaGroupMemberKind.ServiceObject:
                case AsaGroupMemberKind.Group:
                    result.AddRange(ResolveServices(member.Reference!.Value.Value, visiting));
                    break;
                case AsaGroupMemberKind.Icmp:
                    result.Add(new AsaServiceEntry(1, [], []));
                    break;
            }
        }

        return result;
    }

    private static byte? Protocol(string text) => WellKnownPorts.TryProtocol(text, out var number) ? number : null;

    internal static ImmutableArray<PortRange> Ranges(AsaPortSpec? spec)
    {
        if (spec is null || spec.Ports.IsEmpty)
        {
            return [];
        }

        var first = spec.Ports[0].Value;
        return spec.Operator switch
        {
            AsaPortOperator.Eq => [PortRange.Single(first)],
            AsaPortOperator.Range => [new PortRange(Math.Min(first, spec.Ports[^1].Value), Math.Max(first, spec.Ports[^1].Value))],
            AsaPortOperator.Lt => first == 0 ? [] : [new PortRange(0, first - 1)],
            AsaPortOperator.Gt => first >= 65535 ? [] : [new PortRange(first + 1, 65535)],
            _ => [.. new[] { new PortRange(0, first - 1), new PortRange(first + 1, 65535) }.Where(r => r.Low <= r.High)],
        };
    }
}
