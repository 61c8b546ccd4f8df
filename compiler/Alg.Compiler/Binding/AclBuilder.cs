using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>An access list being assembled from its lines: entries kept in sequence-number order.</summary>
public sealed class AclBuilder(string name, AclKind kind, SourceSpan span)
{
    // In sequence order. A list of the (reference-type) entries rather than SortedDictionary<int, AclEntry>, whose
    // instantiation over int ReadyToRun cannot precompile (about thirty methods JIT-compiled at every start); entries
    // almost always come in order, so adding is an append.
    private readonly List<AclEntry> _entries = [];

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
        var numbered = entry with { Sequence = number };
        if (number > _highest || _highest is null)
        {
            _entries.Add(numbered);
        }
        else
        {
            var index = IndexOf(number);
            if (index >= 0)
            {
                _entries[index] = numbered;
            }
            else
            {
                _entries.Insert(~index, numbered);
            }
        }

        _highest = Math.Max(_highest ?? number, number);
    }

    public void Remove(int sequence)
    {
        var index = IndexOf(sequence);
        if (index >= 0)
        {
            _entries.RemoveAt(index);
        }

        if (sequence == _highest)
        {
            _highest = _entries.Count == 0 ? null : _entries[^1].Sequence;
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _highest = null;
    }

    public Acl Build() => new(Name, Kind, [.. _entries], Span);

    // Binary search by sequence number; the complement of the insertion point when absent.
    private int IndexOf(int sequence)
    {
        int low = 0, high = _entries.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var number = _entries[middle].Sequence;
            if (number == sequence)
            {
                return middle;
            }

            if (number < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
