using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>An access list being assembled from its lines: entries kept in sequence-number order.</summary>
public sealed class AclBuilder(string name, AclKind kind, SourceSpan span)
{
    private readonly SortedDictionary<int, AclEntry> _entries = [];

    public string Name { get; } = name;

    public AclKind Kind { get; } = kind;

    public SourceSpan Span { get; } = span;

    /// <summary>Adds an entry; without a sequence number it goes 10 after the last, as IOS numbers them.</summary>
    public void Add(AclEntry entry, int? sequence)
    {
        var number = sequence ?? (_entries.Count == 0 ? 10 : _entries.Keys.Max() + 10);
        _entries[number] = entry with { Sequence = number };
    }

    public void Remove(int sequence) => _entries.Remove(sequence);

    public void Clear() => _entries.Clear();

    public Acl Build() => new(Name, Kind, [.. _entries.Values], Span);
}
