namespace Alg.Runtime.Pipeline.Tables;

/// <summary>Interns rule bit sets so that intervals accepting the same rules share one copy.</summary>
internal sealed class SetStore(int words)
{
    private readonly List<ulong> _bits = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Add(ulong[] set)
    {
        var key = Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(set.AsSpan()));
        if (_index.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var index = _bits.Count / words;
        _bits.AddRange(set);
        _index[key] = index;
        return index;
    }

    public ulong[] ToArray() => [.. _bits];
}
