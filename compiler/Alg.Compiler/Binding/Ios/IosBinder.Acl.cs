using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Alg.Grammar.Common;
using Alg.Grammar.Ios.Ast;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Binding;

/// <summary>IOS access lists and the object-groups they use.</summary>
public sealed partial class IosBinder
{
    private void BindAccessList(IosAccessList list)
    {
        var name = list.Name.Value;

        // `no ip access-list extended NAME` / `no access-list N` delete a list; they do not define one.
        if (list.Children is not [IosAclDelete { Sequence: null }])
        {
            _context.References.Define(ReferenceKind.Acl, name, list.Name.Span);
        }

        if (!_acls.TryGetValue(name, out var builder))
        {
            builder = new AclBuilder(name, list.Kind == IosAclKind.Standard ? AclKind.Standard : AclKind.Extended, list.Span);
            _acls[name] = builder;
        }

        foreach (var child in list.Children)
        {
            switch (child)
            {
                case IosAclEntry entry:
                    if (list.Kind == IosAclKind.Standard && entry.Protocol is not null)
                    {
                        _context.Diagnostics.Add(DiagnosticCatalog.AclShapeMismatch, entry.Span, "standard", name, "a standard list tests only the source address");
                        continue;
                    }

                    if (MatchesOnlyNonInitialFragments(entry))
                    {
                        break;
                    }

                    builder.Add(ConvertEntry(name, entry), entry.Sequence);
                    break;
                case IosAclDelete delete when delete.Sequence is int sequence:
                    builder.Remove(sequence);
                    break;
                case IosAclDelete:
                    // `no access-list N` deletes the whole numbered list.
                    builder.Clear();
                    break;
                case IosAclRemark:
                    break;
                default:
                    throw new InvalidOperationException($"IOS binder has no ACL case for {child.GetType().Name}");
            }
        }
    }

    // `fragments` limits an entry to non-initial fragments; Alg reassembles datagrams before any ACL sees them, so
    // such an entry can never match there and is left out, with a diagnostic, rather than applied to every packet.
    private bool MatchesOnlyNonInitialFragments(IosAclEntry entry)
    {
        if (!entry.Options.Contains("fragments"))
        {
            return false;
        }

        _context.Diagnostics.Add(
            DiagnosticCatalog.NotModelled,
            entry.Span,
            "an ACL entry with 'fragments'",
            "it matches only non-initial fragments, which Alg reassembles before its ACLs see them, so the entry is left out");
        return true;
    }

    // Options that narrow what an entry matches beyond addresses, protocol and ports. Alg's ACLs test only those,
    // so the entry is applied without the option (wider than on the device): say so, and keep lint from taking
    // the entry as proof that a later one is dead.
    private void CheckNarrowingOptions(IosAclEntry entry)
    {
        var options = entry.Options;
        string? what = null;
        for (var i = 0; i < options.Length && what is null; i++)
        {
            what = options[i] switch
            {
                "log" or "log-input" or "established" => null,
                "time-range" => "a time-range",
                "dscp" or "precedence" or "tos" => $"matching on {options[i].ToUpperInvariant()}",
                "ttl" => "matching on TTL",
                "option" => "matching on IP options",
                _ when entry.Protocol?.Number == 1 => "an ICMP message type",
                _ when i > 0 && options[i - 1] is "log" or "log-input" => null,
                _ => $"the ACL option '{options[i]}'",
            };
        }

        if (what is null)
        {
            return;
        }

        _context.RecordNarrowedAclEntry(entry.Span);
        _context.Diagnostics.Add(
            DiagnosticCatalog.NotModelled,
            entry.Span,
            what + " in an ACL entry",
            "Alg's ACLs test addresses, protocol and ports only, so this entry matches more packets in Alg than on the router");
    }

    private AclEntry ConvertEntry(string acl, IosAclEntry entry)
    {
        CheckNarrowingOptions(entry);
        byte? protocol = entry.Protocol?.Number;
        if (entry.Protocol?.ObjectGroup is { } protocolGroup)
        {
            // A service object-group stands for protocols and ports the entry's one protocol field cannot hold:
            // the entry matches on its addresses only, wider than on the router (named at the end of binding if
            // the list reaches an interface or a NAT rule).
            _context.References.Reference(ReferenceKind.ObjectGroup, protocolGroup.Value, protocolGroup.Span, "access list protocol");
            _context.RecordNarrowedAclEntry(entry.Span);
            _serviceGroupEntries.Add((acl, entry.Span));
        }

        return new AclEntry(
            0,
            entry.Action,
            protocol,
            Addresses(entry.Source),
            PortRanges(entry.SourcePorts),
            entry.Destination is null ? [AddressMatch.Any] : Addresses(entry.Destination),
            PortRanges(entry.DestinationPorts),
            entry.Established,
            entry.Span);
    }

    private ImmutableArray<AddressMatch> Addresses(IosAclAddress address)
    {
        if (address.Match is { } match)
        {
            return [match];
        }

        var group = address.ObjectGroup!.Value;
        _context.References.Reference(ReferenceKind.ObjectGroup, group.Value, group.Span, "access list address");
        return [.. ResolveGroup(group.Value, []).SelectMany(range => AddressMatches.FromRange(range))];
    }

    private IEnumerable<AddressRange> ResolveGroup(string name, HashSet<string> visiting)
    {
        if (!visiting.Add(name))
        {
            yield break;
        }

        if (_networkGroups.TryGetValue(name, out var ranges))
        {
            foreach (var range in ranges)
            {
                yield return range;
            }
        }

        if (_nestedGroups.TryGetValue(name, out var nested))
        {
            foreach (var inner in nested)
            {
                foreach (var range in ResolveGroup(inner, visiting))
                {
                    yield return range;
                }
            }
        }
    }

    private void NameWidenedServiceGroupEntries()
    {
        var applied = _interfaces.SelectMany(i => new[] { i.InboundAcl, i.OutboundAcl }).Concat(_natRules.Select(r => r.MatchAcl))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (acl, span) in _serviceGroupEntries.Where(e => applied.Contains(e.Acl)))
        {
            _context.Diagnostics.Add(
                DiagnosticCatalog.NotModelled,
                span,
                $"a service object-group as the protocol of an entry of '{acl}'",
                "Alg matches the entry on its addresses only, with any protocol and port, so it matches more packets than on the router");
        }
    }

    internal static ImmutableArray<PortRange> PortRanges(IosPortSpec? spec)
    {
        if (spec is null || spec.Ports.IsEmpty)
        {
            return [];
        }

        var first = spec.Ports[0].Value;
        return spec.Operator switch
        {
            IosPortOperator.Eq => SinglePorts(spec.Ports),
            IosPortOperator.Neq => first == 0 ? [new PortRange(1, 65535)]
                : first == 65535 ? [new PortRange(0, 65534)]
                : [new PortRange(0, first - 1), new PortRange(first + 1, 65535)],
            IosPortOperator.Lt => first == 0 ? [] : [new PortRange(0, first - 1)],
            IosPortOperator.Gt => first >= 65535 ? [] : [new PortRange(first + 1, 65535)],
            _ => spec.Ports.Length == 2 ? [new PortRange(Math.Min(first, spec.Ports[1].Value), Math.Max(first, spec.Ports[1].Value))] : [],
        };
    }

    // A loop, not Select: LINQ over these structs is a generic instantiation ReadyToRun leaves to the JIT.
    private static ImmutableArray<PortRange> SinglePorts(ImmutableArray<Located<int>> ports)
    {
        var ranges = new PortRange[ports.Length];
        for (var i = 0; i < ranges.Length; i++)
        {
            ranges[i] = PortRange.Single(ports[i].Value);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(ranges);
    }

    private void BindObjectGroup(IosObjectGroup group)
    {
        var name = group.Name.Value;
        _context.References.Define(ReferenceKind.ObjectGroup, name, group.Name.Span);
        if (!group.Network)
        {
            return;
        }

        var ranges = new List<AddressRange>();
        var nested = new List<string>();
        foreach (var member in group.Children.OfType<IosObjectGroupMember>())
        {
            if (member.Addresses is { } range)
            {
                ranges.Add(range);
            }
            else if (member.Group is { } inner)
            {
                _context.References.Reference(ReferenceKind.ObjectGroup, inner.Value, inner.Span, $"object-group {name}");
                nested.Add(inner.Value);
            }
        }

        _networkGroups[name] = ranges;
        _nestedGroups[name] = nested;
    }
}
