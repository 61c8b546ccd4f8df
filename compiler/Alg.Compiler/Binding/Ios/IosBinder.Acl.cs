using System.Collections.Immutable;
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
        _context.References.Define(ReferenceKind.Acl, name, list.Name.Span);
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

                    builder.Add(ConvertEntry(entry), entry.Sequence);
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

    private AclEntry ConvertEntry(IosAclEntry entry)
    {
        byte? protocol = entry.Protocol?.Number;
        if (entry.Protocol?.ObjectGroup is { } protocolGroup)
        {
            _context.References.Reference(ReferenceKind.ObjectGroup, protocolGroup.Value, protocolGroup.Span, "access list protocol");
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

    internal static ImmutableArray<PortRange> PortRanges(IosPortSpec? spec)
    {
        if (spec is null || spec.Ports.IsEmpty)
        {
            return [];
        }

        var first = spec.Ports[0].Value;
        return spec.Operator switch
        {
            IosPortOperator.Eq => [.. spec.Ports.Select(p => PortRange.Single(p.Value))],
            IosPortOperator.Neq => first == 0 ? [new PortRange(1, 65535)]
                : first == 65535 ? [new PortRange(0, 65534)]
                : [new PortRange(0, first - 1), new PortRange(first + 1, 65535)],
            IosPortOperator.Lt => first == 0 ? [] : [new PortRange(0, first - 1)],
            IosPortOperator.Gt => first >= 65535 ? [] : [new PortRange(first + 1, 65535)],
            _ => spec.Ports.Length == 2 ? [new PortRange(Math.Min(first, spec.Ports[1].Value), Math.Max(first, spec.Ports[1].Value))] : [],
        };
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
