using System.Numerics;
using System.Runtime.CompilerServices;

namespace Alg.Runtime.Flows;

/// <summary>Fixed-capacity flow storage with O(1) lookup from either side and a hashed timer wheel.</summary>
/// <remarks>
/// <para>Memory is allocated once, at construction: an array of <see cref="FlowEntry"/> structs and one
/// bucket array with a head per hash bucket. Both keys of a flow live in the same buckets, chained through
/// the entries (link = index * 2 + side), so lookups, inserts, refreshes and removals allocate nothing.</para>
/// <para>Full means full: <see cref="TryInsert"/> refuses and nothing live is evicted (RFC 6888 REQ-11).</para>
/// <para>Timers: a wheel of one-second slots. A refresh that makes a flow live longer only moves
/// <see cref="FlowEntry.ExpiresAt"/>; the entry is re-filed lazily when its old slot comes round. A refresh
/// that shortens it re-files it at once, so a flow never outlives its timeout by more than a tick.</para>
/// </remarks>
public sealed class FlowTable
{
    public const long TickNanoseconds = 1_000_000_000L;
    private const int WheelSlots = 4096;
    private const int WheelMask = WheelSlots - 1;

    private readonly FlowEntry[] _entries;
    private readonly int[] _buckets;
    private readonly int _bucketMask;
    private readonly int[] _wheel = new int[WheelSlots];
    private readonly ulong _hashSeed;
    private int _freeHead;
    private long _cursorTick = long.MinValue;

    public FlowTable(int capacity, ulong hashSeed = 0x5EED_F10E_7AB1_E000UL)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _entries = new FlowEntry[capacity];
        var bucketCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity * 2));
        _buckets = new int[bucketCount];
        _bucketMask = bucketCount - 1;
        _hashSeed = hashSeed;
        Array.Fill(_buckets, -1);
        Array.Fill(_wheel, -1);
        for (var i = 0; i < capacity; i++)
        {
            _entries[i].TimerNext = i + 1 < capacity ? i + 1 : -1;
            _entries[i].TimerTick = -1;
        }

        _freeHead = 0;
    }

    public int Capacity => _entries.Length;

    public int Count { get; private set; }

    /// <summary>Direct access to a live entry by index; check the generation through <see cref="IsLive"/>.</summary>
    public ref FlowEntry this[int index] => ref _entries[index];

    public bool IsLive(FlowId id) =>
        (uint)id.Index < (uint)_entries.Length && (_entries[id.Index].Flags & FlowEntryFlags.InUse) != 0 && _entries[id.Index].Generation == id.Generation;

    public FlowId IdOf(int index) => new(index, _entries[index].Generation);

    /// <summary>Finds the flow a packet arriving with <paramref name="key"/> belongs to, or -1.</summary>
    /// <param name="isReply">True when the key matched the flow's reply key.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(in FlowKey key, out bool isReply)
    {
        var link = _buckets[(int)key.Hash(_hashSeed) & _bucketMask];
        while (link >= 0)
        {
            var index = link >> 1;
            ref var entry = ref _entries[index];
            if ((link & 1) == 0)
            {
                if (entry.OriginalKey.Equals(key))
                {
                    isReply = false;
                    return index;
                }

                link = entry.NextOriginalChain;
            }
            else
            {
                if (entry.ReplyKey.Equals(key))
                {
                    isReply = true;
                    return index;
                }

                link = entry.NextReplyChain;
            }
        }

        isReply = false;
        return -1;
    }

    /// <summary>Adds a flow; false (and -1) when the table is full. The keys must not already be present.</summary>
    public bool TryInsert(in FlowKey originalKey, in FlowKey replyKey, long expiresAt, long now, out int index)
    {
        index = _freeHead;
        if (index < 0)
        {
            return false;
        }

        ref var entry = ref _entries[index];
        _freeHead = entry.TimerNext;
        var generation = entry.Generation + 1;
        entry = default;
        entry.Generation = generation;
        entry.OriginalKey = originalKey;
        entry.ReplyKey = replyKey;
        entry.ExpiresAt = expiresAt;
        entry.MappingIndex = -1;
        entry.MasterIndex = -1;
        entry.HostLimitIndex = -1;
        entry.TimerTick = -1;
        entry.Flags = FlowEntryFlags.InUse;
        entry.MappingNextFlow = -1;
        entry.MappingPrevFlow = -1;

        var originalBucket = (int)originalKey.Hash(_hashSeed) & _bucketMask;
        entry.NextOriginalChain = _buckets[originalBucket];
        _buckets[originalBucket] = index << 1;
        var replyBucket = (int)replyKey.Hash(_hashSeed) & _bucketMask;
        entry.NextReplyChain = _buckets[replyBucket];
        _buckets[replyBucket] = (index << 1) | 1;

        Count++;
        Schedule(index, now);
        return true;
    }

    /// <summary>Sets a new expiry time for a live flow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Refresh(int index, long expiresAt, long now)
    {
        ref var entry = ref _entries[index];
        var previous = entry.ExpiresAt;
        entry.ExpiresAt = expiresAt;
        if (expiresAt < previous && (entry.TimerTick < 0 || expiresAt / TickNanoseconds < entry.TimerTick))
        {
            Unschedule(index);
            Schedule(index, now);
        }
        else if (entry.TimerTick < 0 && expiresAt != long.MaxValue)
        {
            Schedule(index, now);
        }
    }

    /// <summary>Removes a live flow and frees its slot.</summary>
    public void Remove(int index)
    {
        ref var entry = ref _entries[index];
        if ((entry.Flags & FlowEntryFlags.InUse) == 0)
        {
            return;
        }

        Unlink(entry.OriginalKey, index << 1);
        Unlink(entry.ReplyKey, (index << 1) | 1);
        Unschedule(index);
        entry.Flags = 0;
        entry.Generation++;
        entry.TimerNext = _freeHead;
        _freeHead = index;
        Count--;
    }

    /// <summary>
    /// Returns the next flow whose time is up at <paramref name="now"/>, already taken off the wheel but
    /// still in the table so the caller can release what it holds, then <see cref="Remove"/> it.
    /// </summary>
    public bool TryTakeExpired(long now, out int index)
    {
        var nowTick = now / TickNanoseconds;
        if (_cursorTick == long.MinValue)
        {
            _cursorTick = nowTick;
        }

        if (nowTick - _cursorTick > WheelSlots)
        {
            // Every slot is visited once in the last wheel turn, so skipping the empty past loses nothing.
            _cursorTick = nowTick - WheelSlots;
        }

        while (true)
        {
            var slot = (int)(_cursorTick & WheelMask);
            var link = _wheel[slot];
            while (link >= 0)
            {
                ref var entry = ref _entries[link];
                var next = entry.TimerNext;
                if (entry.ExpiresAt <= now)
                {
                    Unschedule(link);
                    index = link;
                    return true;
                }

                if (entry.ExpiresAt / TickNanoseconds > _cursorTick)
                {
                    Unschedule(link);
                    Schedule(link, _cursorTick * TickNanoseconds);
                }

                link = next;
            }

            if (_cursorTick >= nowTick)
            {
                index = -1;
                return false;
            }

            _cursorTick++;
        }
    }

    private void Schedule(int index, long now)
    {
        ref var entry = ref _entries[index];
        if (entry.ExpiresAt == long.MaxValue)
        {
            entry.TimerTick = -1;
            return;
        }

        if (_cursorTick == long.MinValue)
        {
            _cursorTick = now / TickNanoseconds;
        }

        var tick = Math.Max(entry.ExpiresAt / TickNanoseconds, _cursorTick);
        tick = Math.Min(tick, _cursorTick + WheelSlots - 1);
        var slot = (int)(tick & WheelMask);
        entry.TimerTick = tick;
        entry.TimerPrev = -1;
        entry.TimerNext = _wheel[slot];
        if (entry.TimerNext >= 0)
        {
            _entries[entry.TimerNext].TimerPrev = index;
        }

        _wheel[slot] = index;
    }

    private void Unschedule(int index)
    {
        ref var entry = ref _entries[index];
        if (entry.TimerTick < 0)
        {
            return;
        }

        if (entry.TimerPrev >= 0)
        {
            _entries[entry.TimerPrev].TimerNext = entry.TimerNext;
        }
        else
        {
            _wheel[(int)(entry.TimerTick & WheelMask)] = entry.TimerNext;
        }

        if (entry.TimerNext >= 0)
        {
            _entries[entry.TimerNext].TimerPrev = entry.TimerPrev;
        }

        entry.TimerTick = -1;
        entry.TimerNext = -1;
        entry.TimerPrev = -1;
    }

    private void Unlink(in FlowKey key, int link)
    {
        ref var head = ref _buckets[(int)key.Hash(_hashSeed) & _bucketMask];
        if (head == link)
        {
            head = NextOf(link);
            return;
        }

        var current = head;
        while (current >= 0)
        {
            var next = NextOf(current);
            if (next == link)
            {
                SetNext(current, NextOf(link));
                return;
            }

            current = next;
        }
    }

    private int NextOf(int link) =>
        (link & 1) == 0 ? _entries[link >> 1].NextOriginalChain : _entries[link >> 1].NextReplyChain;

    private void SetNext(int link, int next)
    {
        if ((link & 1) == 0)
        {
            _entries[link >> 1].NextOriginalChain = next;
        }
        else
        {
            _entries[link >> 1].NextReplyChain = next;
        }
    }
}
