namespace Alg.Runtime.Packets;

/// <summary>One counter per <see cref="DropReason"/>: bad input is counted, never thrown.</summary>
/// <remarks>Not thread-safe: one instance per processing thread, summed when reported.</remarks>
public sealed class DropCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<DropReason>().Length];

    public long this[DropReason reason] => _counts[(int)reason];

    public long Total
    {
        get
        {
            long total = 0;
            for (var i = 1; i < _counts.Length; i++)
            {
                total += _counts[i];
            }

            return total;
        }
    }

    public void Increment(DropReason reason) => _counts[(int)reason]++;

    public void Add(DropReason reason, long count) => _counts[(int)reason] += count;
}
