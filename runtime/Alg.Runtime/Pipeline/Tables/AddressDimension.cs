namespace Alg.Runtime.Pipeline.Tables;

/// <summary>
/// Maps an IPv4 address to the elementary interval it falls in. A 65,536-entry index on the top 16 bits
/// leaves a handful of boundaries to step over, so a lookup is two array reads and a short walk.
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
        _blockFirst = new int[65536];
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
    }

    public int IntervalCount => _starts.Length;

    public int SetOf(uint address)
    {
        var i = _blockFirst[address >> 16];
        var starts = _starts;
        while (i + 1 < starts.Length && starts[i + 1] <= address)
        {
            i++;
        }

        return _setIndex[i];
    }
}
