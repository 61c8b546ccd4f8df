using System.Collections.Immutable;
using Alg.Grammar.Asa.Ast;
using Alg.Policy.Model;

namespace Alg.Compiler.Binding;

/// <summary>ASA access lists: each line appends to the list of its name; objects and groups expand to their members.</summary>
public sealed partial class AsaBinder
{
    private void BindAclEntry(AsaAclEntry entry)
    {
        var name = entry.Acl.Value;
        _context.References.Define(ReferenceKind.Acl, name, entry.Acl.Span);
        if (!_acls.TryGetValue(name, out var builder))
        {
            builder = new AclBuilder(name, entry.Standard ? AclKind.Standard : AclKind.Extended, entry.Span);
            _acls[name] = builder;
        }

        // `inactive` entries stay in the configuration but match nothing.
        if (entry.Options.Contains("inactive"))
        {
            return;
        }

        var sources = Addresses(entry.Source);
        if (entry.Standard)
        {
            builder.Add(new AclEntry(0, entry.Action, null, sources, [], [AddressMatch.Any], [], false, entry.Span), null);
            return;
        }

        var destinations = entry.Destination is null ? [AddressMatch.Any] : Addresses(entry.Destination);
        var destinationPorts = Ranges(entry.DestinationPorts);
        if (entry.DestinationPortGroup is { } portGroup)
        {
            _context.References.Reference(ReferenceKind.ObjectGroup, portGroup.Value, portGroup.Span, "access list ports");
            destinationPorts = [.. ResolveServices(portGroup.Value, []).SelectMany(s => s.DestinationPorts)];
        }

        var sourcePorts = Ranges(entry.SourcePorts);
        if (entry.SourcePortGroup is { } sourceGroup)
        {
            // A service group used for source ports: its port-objects are source ports here.
            _context.References.Reference(ReferenceKind.ObjectGroup, sourceGroup.Value, sourceGroup.Span, "access list ports");
            sourcePorts = [.. ResolveServices(sourceGroup.Value, []).SelectMany(s => s.DestinationPorts)];
        }

        foreach (var service in Services(entry.Protocol!))
        {
            builder.Add(
                new AclEntry(
                    0,
                    entry.Action,
                    service.Protocol,
                    sources,
                    service.SourcePorts.IsEmpty ? sourcePorts : service.SourcePorts,
                    destinations,
                    service.DestinationPorts.IsEmpty ? destinationPorts : service.DestinationPorts,
                    false,
                    entry.Span),
                null);
        }
    }

    private IEnumerable<AsaServiceEntry> Services(AsaAclProtocol protocol)
    {
        if (protocol.Reference is not { } reference)
        {
            return [new AsaServiceEntry(protocol.Number, [], [])];
        }

        _context.References.Reference(protocol.IsGroup ? ReferenceKind.ObjectGroup : ReferenceKind.Object, reference.Value, reference.Span, "access list protocol");
        var services = ResolveServices(reference.Value, []);
        return services.Count == 0 ? [new AsaServiceEntry(null, [], [])] : services;
    }

    private ImmutableArray<AddressMatch> Addresses(AsaAclAddress address)
    {
        switch (address.Kind)
        {
            case AsaAclAddressKind.Any:
                return [AddressMatch.Any];
            case AsaAclAddressKind.Match:
                return [address.Match!.Value];
            case AsaAclAddressKind.Interface:
                var name = address.Reference!.Value;
                _context.References.Reference(ReferenceKind.Interface, name.Value, name.Span, "access list");
                return FindByAlias(name.Value)?.Address is { } prefix ? [AddressMatch.Host(prefix.Address)] : [AddressMatch.Any];
            default:
                return [.. ResolveNetwork(address.Reference!.Value, "access list address").SelectMany(range => AddressMatches.FromRange(range))];
        }
    }
}
