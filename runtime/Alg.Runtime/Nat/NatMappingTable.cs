using Alg.Runtime.Flows;

namespace Alg.Runtime.Nat;

/// <summary>Fixed-capacity store of <see cref="NatMapping"/>s, found by internal key or by external endpoint.</summary>
/// <remarks>
/// The two dictionaries are created at full capacity, so adding and removing never resizes or allocates.
/// Internal key: (internal address, remote-part address, internal port, remote-part port, protocol);
/// external key: (0, external address, 0, external port, protocol). Both use <see cref="FlowKey"/> as a
/// 16-byte value key with the side set to tell them apart.
/// </remarks>
public sealed class NatMappingTable
{
    private readonly NatMapping[] _mappings;
    private readonly Dictionary<FlowKey, int> _byInternal;
    private readonly Dictionary<FlowKey, int> _byExternal;
    private int _freeHead;

    public NatMappingTable(int capacity, ulong hashSeed)
    {
        _mappings = new NatMapping[capacity];
        var comparer = new FlowKeyComparer(hashSeed);
        _byInternal = new Dictionary<FlowKey, int>(capacity, comparer);
        _byExternal = new Dictionary<FlowKey, int>(capacity, comparer);
        for (var i = 0; i < capacity; i++)
        {
            _mappings[i].NextFree = i + 1 < capacity ? i + 1 : -1;
        }
    }

    public int Count { get; private set; }

    public ref NatMapping this[int index] => ref _mappings[index];

    public static FlowKey InternalKey(byte protocol, uint internalAddress, ushort internalPort, uint remoteAddress, ushort remotePort) =>
        new(internalAddress, remoteAddress, internalPort, remotePort, protocol, FlowSide.Inside);

    public static FlowKey ExternalKey(byte protocol, uint externalAddress, ushort externalPort) =>
        new(0, externalAddress, 0, externalPort, protocol, FlowSide.Outside);

    public int FindByInternal(in FlowKey key) => _byInternal.TryGetValue(key, out var index) ? index : -1;

    public int FindByExternal(byte protocol, uint externalAddress, ushort externalPort) =>
        _byExternal.TryGetValue(ExternalKey(protocol, externalAddress, externalPort), out var index) ? index : -1;

    public bool ExternalInUse(byte protocol, uint externalAddress, ushort externalPort) =>
        _byExternal.ContainsKey(ExternalKey(protocol, externalAddress, externalPort));

    /// <summary>Adds a mapping; -1 when full.</summary>
    public int Add(in NatMapping mapping)
    {
        var index = _freeHead;
        if (index < 0)
        {
            return -1;
        }

        _freeHead = _mappings[index].NextFree;
        _mappings[index] = mapping;
        _mappings[index].InUse = true;
        _mappings[index].FirstFlow = -1;
        _mappings[index].FlowCount = 0;
        _byInternal[InternalKey(mapping.Protocol, mapping.InternalAddress, mapping.InternalPort, mapping.RemoteAddress, mapping.RemotePort)] = index;
        _byExternal[ExternalKey(mapping.Protocol, mapping.ExternalAddress, mapping.ExternalPort)] = index;
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

        _byInternal.Remove(InternalKey(mapping.Protocol, mapping.InternalAddress, mapping.InternalPort, mapping.RemoteAddress, mapping.RemotePort));
        _byExternal.Remove(ExternalKey(mapping.Protocol, mapping.ExternalAddress, mapping.ExternalPort));
        mapping = default;
        mapping.NextFree = _freeHead;
        _freeHead = index;
        Count--;
    }
}
