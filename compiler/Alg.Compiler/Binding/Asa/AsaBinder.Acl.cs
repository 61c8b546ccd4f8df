using System.Collections.Immutable;
using Alg.Grammar.Asa.Ast;
using Alg.Policy.Diagnostics;
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

        // An IPv6 entry (any6, an IPv6 host or prefix) matches no IPv4 packet; IPv6 is forwarded untouched.
        if (entry.Source.Kind == AsaAclAddressKind.Ipv6 || entry.Destination?.Kind == AsaAclAddressKind.Ipv6)
        {
            return;
        }

        // `interface outside` on an interface whose address is learnt at run time (dhcp, pppoe) is modelled as any.
        if (IsAddresslessInterface(entry.Source) || (entry.Destination is { } destination && IsAddresslessInterface(destination)))
        {
            _context.RecordNarrowedAclEntry(entry.Span);
        }

        if (HasIcmpType(entry))
        {
            _context.RecordNarrowedAclEntry(entry.Span);
            _context.Diagnostics.Add(
                DiagnosticCatalog.NotModelled, entry.Span, "an ICMP type in an access list",
                "the entry matches every ICMP message, so a permit admits more ICMP than the device does and a deny refuses more");
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

    // `permit icmp any any echo`, `... icmp any any 3`, `... icmp any any object-group ICMP-TYPES`: the word after
    // the destination of an ICMP entry is its type unless it is one of the trailing options.
    private static bool HasIcmpType(AsaAclEntry entry) =>
        entry.Protocol?.Number is 1 or 58
        && (entry.DestinationPortGroup is not null
            || (entry.Options.Length > 0 && entry.Options[0] is not ("log" or "inactive" or "time-range")));

    private bool IsAddresslessInterface(AsaAclAddress address) =>
        address.Kind == AsaAclAddressKind.Interface && FindByAlias(address.Reference!.Value.Value)?.Address is null;

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
