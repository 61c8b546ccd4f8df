using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>An access list being assembled from its lines: entries kept in sequence-number order.</summary>
public sealed class AclBuilder(string name, AclKind kind, SourceSpan span)
{
    private readonly SortedDictionary<int, AclEntry> _entries = [];

    // The highest sequence number, kept as entries come: finding it by walking the entries on every add made
    // binding a long ACL quadratic.
    private int? _highest;

    public string Name { get; } = name;

    public AclKind Kind { get; } = kind;

    public SourceSpan Span { get; } = span;

    /// <summary>Adds an entry; without a sequence number it goes 10 after the last, as IOS numbers them.</summary>
    public void Add(AclEntry entry, int? sequence)
    {
        var number = sequence ?? (_highest is { } highest ? highest + 10 : 10);
        _entries[number] = entry with { Sequence = number };
        _highest = Math.Max(_highest ?? number, number);
    }

    public void Remove(int sequence)
    {
        _entries.Remove(sequence);
        if (sequence == _highest)
        {
            _highest = _entries.Count == 0 ? null : _entries.Keys.Max();
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _highest = null;
    }

    public Acl Build() => new(Name, Kind, [.. _entries.Values], Span);
}
