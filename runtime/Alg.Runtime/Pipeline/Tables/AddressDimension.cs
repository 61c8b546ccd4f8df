namespace Alg.Runtime.Pipeline.Tables;

/// <summary>
/// Maps an IPv4 address to the elementary interval it falls in. A 65,536-entry index on the top 16 bits
/// narrows the search to the boundaries inside one /16; a binary search finishes it.
/// </summary>
public sealed class AddressDimension
{
    private readonly uint[] _starts;
    private readonly int[] _setIndex;
    private readonly int[] _blockFirst;

    public AddressDimension(uint[] starts, int[] setIndex)
    {
        _starts = starts;
        _setIndex = setIndex;
        _blockFirst = new int[65537];
        var interval = 0;
        for (var block = 0; block < 65536; block++)
        {
            var blockStart = (uint)block << 16;
            while (interval + 1 < starts.Length && starts[interval + 1] <= blockStart)
            {
                interval++;
            }

            _blockFirst[block] = interval;
        }

        _blockFirst[65536] = starts.Length - 1;
    }

    public int IntervalCount => _starts.Length;

    public int SetOf(uint address)
    {
        var block = (int)(address >> 16);
        var low = _blockFirst[block];
        var high = _blockFirst[block + 1];
        var starts = _starts;

        // Invariant: starts[low] <= address; find the last start at or below it in [low, high].
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (starts[middle] <= address)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return _setIndex[low];
    }
}
