using System.Collections;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Alg.Policy.Algs;

namespace Alg.Compiler.Binding;

/// <summary>An ALG's ports while a configuration is bound: in order, each once.</summary>
/// <remarks>
/// A sorted array rather than <see cref="SortedSet{T}"/>: ReadyToRun cannot precompile a framework collection over a
/// struct of another assembly, and <c>SortedSet&lt;AlgPort&gt;</c> cost about forty JIT-compiled methods at the start
/// of every <c>alg lint</c>. An ALG has a handful of ports, so inserting into an array is as fast.
/// </remarks>
public sealed class AlgPortSet : IEnumerable<AlgPort>
{
    private AlgPort[] _items = new AlgPort[4];

    public int Count { get; private set; }

    public bool Add(AlgPort port)
    {
        var index = IndexOf(port);
        if (index >= 0)
        {
            return false;
        }

        index = ~index;
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        Array.Copy(_items, index, _items, index + 1, Count - index);
        _items[index] = port;
        Count++;
        return true;
    }

    public bool Remove(AlgPort port)
    {
        var index = IndexOf(port);
        if (index < 0)
        {
            return false;
        }

        Array.Copy(_items, index + 1, _items, index, Count - index - 1);
        Count--;
        return true;
    }

    public void Clear() => Count = 0;

    public bool Contains(AlgPort port) => IndexOf(port) >= 0;

    public ImmutableArray<AlgPort> ToImmutableArray() => ImmutableCollectionsMarshal.AsImmutableArray(_items.AsSpan(0, Count).ToArray());

    public IEnumerator<AlgPort> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Binary search by AlgPort's own order; the complement of the insertion point when absent.
    private int IndexOf(AlgPort port)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = _items[middle].CompareTo(port);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
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
