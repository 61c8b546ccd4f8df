using Alg.Runtime.Packets;

namespace Alg.Runtime.Reassembly;

/// <summary>In-order byte stream of one TCP direction, rebuilt from segments in any order, for ALG parsers.</summary>
/// <remarks>
/// <para>Sequence numbers are compared modulo 2^32 (RFC 9293 §3.4). The window is the buffer: at most
/// <c>capacity</c> bytes past the first unread one are accepted; anything starting beyond is out of window.
/// Bytes are also charged to a shared <see cref="ReassemblyBudget"/>, so the whole gateway stays bounded.</para>
/// <para>Gaps are kept as at most <see cref="MaxRanges"/> ranges; more is refused (a segment-salad attack).</para>
/// <para>The buffer is allocated on the first byte, not at construction, so idle connections cost nothing.</para>
/// </remarks>
public sealed class TcpStreamReassembler
{
    public const int MaxRanges = 32;

    private readonly int _capacity;
    private readonly ReassemblyBudget? _budget;
    private readonly int[] _rangeStart = new int[MaxRanges + 1];
    private readonly int[] _rangeEnd = new int[MaxRanges + 1];
    private byte[]? _buffer;
    private int _rangeCount;
    private uint _baseSequence;

    public TcpStreamReassembler(int capacity, ReassemblyBudget? budget = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _budget = budget;
    }

    public bool IsInitialized { get; private set; }

    /// <summary>Sequence number of the first byte not yet consumed.</summary>
    public uint NextSequence => _baseSequence;

    /// <summary>Contiguous bytes ready to read from <see cref="NextSequence"/>.</summary>
    public int ReadableLength => _rangeCount > 0 && _rangeStart[0] == 0 ? _rangeEnd[0] : 0;

    public ReadOnlySpan<byte> Readable => _buffer is null ? default : _buffer.AsSpan(0, ReadableLength);

    /// <summary>Bytes held, in order or not.</summary>
    public int BufferedBytes
    {
        get
        {
            var total = 0;
            for (var i = 0; i < _rangeCount; i++)
            {
                total += _rangeEnd[i] - _rangeStart[i];
            }

            return total;
        }
    }

    /// <summary>Starts the stream at the byte after the SYN (ISN + 1), or at the first segment seen.</summary>
    public void Initialize(uint nextSequence)
    {
        Reset();
        _baseSequence = nextSequence;
        IsInitialized = true;
    }

    public StreamSegmentResult Accept(uint sequence, ReadOnlySpan<byte> payload)
    {
        if (!IsInitialized)
        {
            Initialize(sequence);
        }

        if (payload.IsEmpty)
        {
            return new StreamSegmentResult(StreamSegmentStatus.Duplicate, DropReason.None, 0, 0);
        }

        var relative = (int)(sequence - _baseSequence);
        if ((long)relative + payload.Length <= 0)
        {
            return new StreamSegmentResult(StreamSegmentStatus.Duplicate, DropReason.None, 0, 0);
        }

        if (relative < 0)
        {
            // Partly old: the part already consumed is a retransmission, keep the rest.
            payload = payload[-relative..];
            relative = 0;
        }

        if (relative >= _capacity)
        {
            return new StreamSegmentResult(StreamSegmentStatus.Dropped, DropReason.StreamOutOfWindow, 0, 0);
        }

        if (relative + payload.Length > _capacity)
        {
            return new StreamSegmentResult(StreamSegmentStatus.Dropped, DropReason.StreamBytesExhausted, 0, 0);
        }

        var start = relative;
        var end = relative + payload.Length;
        var newBytes = UncoveredBytes(start, end);
        if (newBytes == 0)
        {
            return new StreamSegmentResult(StreamSegmentStatus.Duplicate, DropReason.None, 0, CountConflicts(start, payload));
        }

        if (!CanAddRange(start, end))
        {
            return new StreamSegmentResult(StreamSegmentStatus.Dropped, DropReason.StreamTooManyGaps, 0, 0);
        }

        if (_budget is not null && !_budget.TryReserve(newBytes))
        {
            return new StreamSegmentResult(StreamSegmentStatus.Dropped, DropReason.StreamBytesExhausted, 0, 0);
        }

        _buffer ??= new byte[_capacity];
        var conflicts = CountConflicts(start, payload);
        CopyUncovered(start, end, payload);
        AddRange(start, end);
        var status = _rangeStart[0] == 0 && _rangeEnd[0] >= end ? StreamSegmentStatus.InOrder : StreamSegmentStatus.OutOfOrder;
        return new StreamSegmentResult(status, DropReason.None, newBytes, conflicts);
    }

    /// <summary>Marks <paramref name="count"/> readable bytes as parsed; they leave the buffer.</summary>
    public void Consume(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ReadableLength);
        if (count <= 0)
        {
            return;
        }

        var highest = _rangeEnd[_rangeCount - 1];
        Buffer.BlockCopy(_buffer!, count, _buffer!, 0, highest - count);
        var write = 0;
        for (var i = 0; i < _rangeCount; i++)
        {
            var newStart = Math.Max(0, _rangeStart[i] - count);
            var newEnd = _rangeEnd[i] - count;
            if (newEnd > newStart)
            {
                _rangeStart[write] = newStart;
                _rangeEnd[write] = newEnd;
                write++;
            }
        }

        _rangeCount = write;
        _baseSequence += (uint)count;
        _budget?.Release(count);
    }

    /// <summary>Drops everything held (connection closed or inspection abandoned) and returns the budget.</summary>
    public void Reset()
    {
        _budget?.Release(BufferedBytes);
        _rangeCount = 0;
        IsInitialized = false;
    }

    private int UncoveredBytes(int start, int end)
    {
        var covered = 0;
        for (var i = 0; i < _rangeCount; i++)
        {
            covered += Math.Max(0, Math.Min(end, _rangeEnd[i]) - Math.Max(start, _rangeStart[i]));
        }

        return end - start - covered;
    }

    private int CountConflicts(int start, ReadOnlySpan<byte> payload)
    {
        if (_buffer is null)
        {
            return 0;
        }

        var end = start + payload.Length;
        var conflicts = 0;
        for (var i = 0; i < _rangeCount; i++)
        {
            var from = Math.Max(start, _rangeStart[i]);
            var to = Math.Min(end, _rangeEnd[i]);
            for (var position = from; position < to; position++)
            {
                conflicts += _buffer[position] != payload[position - start] ? 1 : 0;
            }
        }

        return conflicts;
    }

    private void CopyUncovered(int start, int end, ReadOnlySpan<byte> payload)
    {
        var position = start;
        for (var i = 0; i < _rangeCount && position < end; i++)
        {
            if (_rangeEnd[i] <= position)
            {
                continue;
            }

            if (_rangeStart[i] >= end)
            {
                break;
            }

            if (_rangeStart[i] > position)
            {
                payload[(position - start)..(_rangeStart[i] - start)].CopyTo(_buffer.AsSpan(position));
            }

            position = Math.Max(position, _rangeEnd[i]);
        }

        if (position < end)
        {
            payload[(position - start)..].CopyTo(_buffer.AsSpan(position));
        }
    }

    private bool CanAddRange(int start, int end)
    {
        if (_rangeCount < MaxRanges)
        {
            return true;
        }

        // Full: only a segment touching an existing range (so no new gap entry) may still be added.
        for (var i = 0; i < _rangeCount; i++)
        {
            if (start <= _rangeEnd[i] && end >= _rangeStart[i])
            {
                return true;
            }
        }

        return false;
    }

    private void AddRange(int start, int end)
    {
        // Insert in order, then merge touching neighbours; ranges stay sorted and disjoint.
        var position = 0;
        while (position < _rangeCount && _rangeStart[position] < start)
        {
            position++;
        }

        for (var i = _rangeCount; i > position; i--)
        {
            _rangeStart[i] = _rangeStart[i - 1];
            _rangeEnd[i] = _rangeEnd[i - 1];
        }

        _rangeStart[position] = start;
        _rangeEnd[position] = end;
        _rangeCount++;
        var write = 0;
        for (var read = 1; read < _rangeCount; read++)
        {
            if (_rangeStart[read] <= _rangeEnd[write])
            {
                _rangeEnd[write] = Math.Max(_rangeEnd[write], _rangeEnd[read]);
            }
            else
            {
                write++;
                _rangeStart[write] = _rangeStart[read];
                _rangeEnd[write] = _rangeEnd[read];
            }
        }

        _rangeCount = write + 1;
    }
}
