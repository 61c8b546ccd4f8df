using System.Numerics;
using Alg.Runtime.Flows;

namespace Alg.Runtime.Nat;

/// <summary>Fixed-capacity store of <see cref="NatMapping"/>s, found by internal key or by external endpoint.</summary>
/// <remarks>
/// Struct storage with two index-chained hash indexes, allocated once: adding, finding and removing never
/// allocate. Internal key: (protocol, internal address and port, and the remote part the mapping behaviour
/// keys on); external key: (protocol, external address and port). While a slot is in use its
/// <see cref="NatMapping.NextFree"/> chains the internal index; while free it chains the free list.
/// Hashes are keyed with a per-engine seed so outside hosts cannot aim at one bucket.
/// </remarks>
public sealed class NatMappingTable
{
    private readonly NatMapping[] _mappings;
    private readonly int[] _internalBuckets;
    private readonly int[] _externalBuckets;
    private readonly int _bucketMask;
    private readonly ulong _hashSeed;
    private int _freeHead;

    public NatMappingTable(int capacity, ulong hashSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _mappings = new NatMapping[capacity];
        var bucketCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity));
        _internalBuckets = new int[bucketCount];
        _externalBuckets = new int[bucketCount];
        _bucketMask = bucketCount - 1;
        _hashSeed = hashSeed;
        Array.Fill(_internalBuckets, -1);
        Array.Fill(_externalBuckets, -1);
        for (var i = 0; i < capacity; i++)
        {
            _mappings[i].NextFree = i + 1 < capacity ? i + 1 : -1;
        }
    }

    public int Count { get; private set; }

    public int Capacity => _mappings.Length;

    public ref NatMapping this[int index] => ref _mappings[index];

    public static FlowKey InternalKey(byte protocol, uint internalAddress, ushort internalPort, uint remoteAddress, ushort remotePort) =>
        new(internalAddress, remoteAddress, internalPort, remotePort, protocol, FlowSide.Inside);

    public static FlowKey ExternalKey(byte protocol, uint externalAddress, ushort externalPort) =>
        new(0, externalAddress, 0, externalPort, protocol, FlowSide.Outside);

    public int FindByInternal(in FlowKey key)
    {
        for (var index = _internalBuckets[Bucket(key)]; index >= 0; index = _mappings[index].NextFree)
        {
            if (InternalKeyOf(in _mappings[index]).Equals(key))
            {
                return index;
            }
        }

        return -1;
    }

    public int FindByExternal(byte protocol, uint externalAddress, ushort externalPort)
    {
        var key = ExternalKey(protocol, externalAddress, externalPort);
        for (var index = _externalBuckets[Bucket(key)]; index >= 0; index = _mappings[index].NextByExternal)
        {
            ref var mapping = ref _mappings[index];
            if (mapping.Protocol == protocol && mapping.ExternalAddress == externalAddress && mapping.ExternalPort == externalPort)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The next mapping after <paramref name="index"/> with the same external endpoint, or -1 (ESP mappings of
    /// several inside hosts share one address).</summary>
    public int NextWithSameExternal(int index)
    {
        ref var first = ref _mappings[index];
        for (var next = first.NextByExternal; next >= 0; next = _mappings[next].NextByExternal)
        {
            ref var mapping = ref _mappings[next];
            if (mapping.Protocol == first.Protocol && mapping.ExternalAddress == first.ExternalAddress && mapping.ExternalPort == first.ExternalPort)
            {
                return next;
            }
        }

        return -1;
    }

    public bool ExternalInUse(byte protocol, uint externalAddress, ushort externalPort) =>
        FindByExternal(protocol, externalAddress, externalPort) >= 0;

    /// <summary>Adds a mapping; -1 when full.</summary>
    public int Add(in NatMapping mapping)
    {
        var index = _freeHead;
        if (index < 0)
        {
            return -1;
        }

        _freeHead = _mappings[index].NextFree;
        ref var slot = ref _mappings[index];
        slot = mapping;
        slot.InUse = true;
        slot.FirstFlow = -1;
        slot.FlowCount = 0;
        var internalBucket = Bucket(InternalKeyOf(in slot));
        slot.NextFree = _internalBuckets[internalBucket];
        _internalBuckets[internalBucket] = index;
        var externalBucket = Bucket(ExternalKey(slot.Protocol, slot.ExternalAddress, slot.ExternalPort));
        slot.NextByExternal = _externalBuckets[externalBucket];
        _externalBuckets[externalBucket] = index;
        Count++;
        return index;
    }

    public void Remove(int index)
    {
        ref var mapping = ref _mappings[index];
        if (!mapping.InUse)
        {
            return;
        }

        UnlinkInternal(Bucket(InternalKeyOf(in mapping)), index);
        UnlinkExternal(Bucket(ExternalKey(mapping.Protocol, mapping.ExternalAddress, mapping.ExternalPort)), index);
        mapping = default;
        mapping.NextFree = _freeHead;
        _freeHead = index;
        Count--;
    }

    private static FlowKey InternalKeyOf(in NatMapping mapping) =>
        InternalKey(mapping.Protocol, mapping.InternalAddress, mapping.InternalPort, mapping.RemoteAddress, mapping.RemotePort);

    private int Bucket(in FlowKey key) => (int)key.Hash(_hashSeed) & _bucketMask;

    private void UnlinkInternal(int bucket, int index)
    {
        if (_internalBuckets[bucket] == index)
        {
            _internalBuckets[bucket] = _mappings[index].NextFree;
            return;
        }

        for (var current = _internalBuckets[bucket]; current >= 0; current = _mappings[current].NextFree)
        {
            if (_mappings[current].NextFree == index)
            {
                _mappings[current].NextFree = _mappings[index].NextFree;
                return;
            }
        }
    }

    private void UnlinkExternal(int bucket, int index)
    {
        if (_externalBuckets[bucket] == index)
        {
            _externalBuckets[bucket] = _mappings[index].NextByExternal;
            return;
        }

        for (var current = _externalBuckets[bucket]; current >= 0; current = _mappings[current].NextByExternal)
        {
            if (_mappings[current].NextByExternal == index)
            {
                _mappings[current].NextByExternal = _mappings[index].NextByExternal;
                return;
            }
        }
    }
}
