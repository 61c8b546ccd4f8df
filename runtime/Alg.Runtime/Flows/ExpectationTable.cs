using System.Numerics;

namespace Alg.Runtime.Flows;

/// <summary>Pinholes: flows an ALG expects but nobody has started yet, matched when their first packet arrives.</summary>
/// <remarks>
/// Fixed capacity, struct storage, hashed on (protocol, side, local address, local port), which are never
/// wildcards; the peer may be. Expired pinholes are dropped when met and by <see cref="RemoveExpired"/>.
/// </remarks>
public sealed class ExpectationTable
{
    private readonly ExpectationSlot[] _slots;
    private readonly int[] _buckets;
    private readonly int _bucketMask;
    private readonly Dictionary<ExpectationGroupKey, int> _groupHeads = [];
    private readonly Dictionary<FlowId, int> _masterHeads = [];
    private int _freeHead;

    // No pinhole expires before this time, so sweeps before it can be skipped.
    private long _earliestExpiry = long.MaxValue;

    public ExpectationTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slots = new ExpectationSlot[capacity];
        var bucketCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity));
        _buckets = new int[bucketCount];
        _bucketMask = bucketCount - 1;
        Array.Fill(_buckets, -1);
        for (var i = 0; i < capacity; i++)
        {
            _slots[i].Next = i + 1 < capacity ? i + 1 : -1;
        }
    }

    public int Count { get; private set; }

    /// <summary>Pinholes opened since the table was made.</summary>
    public long Opened { get; private set; }

    /// <summary>Pinholes a new flow came through.</summary>
    public long Used { get; private set; }

    /// <summary>Pinholes that timed out unused.</summary>
    public long Expired { get; private set; }

    public int Capacity => _slots.Length;

    /// <summary>Opens a pinhole; false when the table is full (the ALG counts a drop, nothing is evicted).</summary>
    /// <remarks>A map entry (<see cref="ExpectationSpec.AdmitLike"/>) learnt again replaces the owner's earlier one for the
    /// same endpoint, whichever flow learnt it: the map holds one entry per service endpoint.</remarks>
    public bool TryAdd(in ExpectationSpec spec, long now, out int handle)
    {
        if (spec.AdmitLike.IsSet)
        {
            RemoveMapEntry(in spec);
        }

        handle = _freeHead;
        if (handle < 0)
        {
            return false;
        }

        ref var slot = ref _slots[handle];
        _freeHead = slot.Next;
        slot.Spec = spec;
        slot.ExpiresAt = spec.LifetimeNanoseconds == long.MaxValue ? long.MaxValue : now + spec.LifetimeNanoseconds;
        slot.InUse = true;
        _earliestExpiry = Math.Min(_earliestExpiry, slot.ExpiresAt);
        var bucket = Bucket(spec.Protocol, spec.ArrivalSide, spec.LocalAddress, spec.LocalPort);
        slot.Next = _buckets[bucket];
        _buckets[bucket] = handle;
        slot.MasterNext = _masterHeads.GetValueOrDefault(spec.Master, -1);
        _masterHeads[spec.Master] = handle;
        slot.GroupNext = -1;
        if (spec.Group != 0)
        {
            var key = new ExpectationGroupKey(spec.OwnerTag, spec.Master, spec.Group);
            slot.GroupNext = _groupHeads.GetValueOrDefault(key, -1);
            _groupHeads[key] = handle;
        }

        Count++;
        Opened++;
        return true;
    }

    /// <summary>
    /// Finds the pinhole a new flow's first packet fits, consuming it unless persistent. Expired ones met on
    /// the way are removed.
    /// </summary>
    public bool TryMatch(in FlowKey firstPacket, long now, out ExpectationSpec spec) => TryMatch(in firstPacket, now, null, out spec);

    /// <summary>As <see cref="TryMatch(in FlowKey, long, out ExpectationSpec)"/>, a pinhole with an
    /// <see cref="AdmissionProxy"/> admitting only what <paramref name="gate"/> lets through (none: the table alone).</summary>
    public bool TryMatch(in FlowKey firstPacket, long now, IExpectationGate? gate, out ExpectationSpec spec)
    {
        var bucket = Bucket(firstPacket.Protocol, firstPacket.Side, firstPacket.Destination, firstPacket.DestinationPort);
        var previous = -1;
        var current = _buckets[bucket];
        while (current >= 0)
        {
            ref var slot = ref _slots[current];
            var next = slot.Next;
            if (slot.ExpiresAt <= now)
            {
                Unlink(bucket, previous, current);
                Expired++;
            }
            else if (Admits(in slot.Spec, in firstPacket, gate))
            {
                spec = slot.Spec;
                Used++;
                if (!slot.Spec.Persistent)
                {
                    Unlink(bucket, previous, current);
                }

                return true;
            }
            else
            {
                previous = current;
            }

            current = next;
        }

        spec = default;
        return false;
    }

    /// <summary>The pinhole a flow whose first packet has this key would come through, without using it up.</summary>
    public bool TryFind(in FlowKey firstPacket, long now, out ExpectationSpec spec, IExpectationGate? gate = null)
    {
        var current = _buckets[Bucket(firstPacket.Protocol, firstPacket.Side, firstPacket.Destination, firstPacket.DestinationPort)];
        while (current >= 0)
        {
            ref readonly var slot = ref _slots[current];
            if (slot.ExpiresAt > now && Admits(in slot.Spec, in firstPacket, gate))
            {
                spec = slot.Spec;
                return true;
            }

            current = slot.Next;
        }

        spec = default;
        return false;
    }

    /// <summary>Whether a live pinhole would admit this first packet, without consuming it (a stateful device lets a
    /// connection its inspection expects past the interface ACL: the pinhole is the permission).</summary>
    public bool Expects(in FlowKey firstPacket, long now) => TryFind(in firstPacket, now, out _);

    /// <summary>As <see cref="Expects(in FlowKey, long)"/>, asking <paramref name="gate"/> about pinholes with an
    /// <see cref="AdmissionProxy"/>.</summary>
    public bool Expects(in FlowKey firstPacket, long now, IExpectationGate? gate) => TryFind(in firstPacket, now, out _, gate);

    /// <summary>Would this pinhole admit a flow whose first packet has this key?</summary>
    private static bool Admits(in ExpectationSpec spec, in FlowKey firstPacket, IExpectationGate? gate) =>
        spec.Protocol == firstPacket.Protocol
        && spec.ArrivalSide == firstPacket.Side
        && spec.LocalAddress == firstPacket.Destination
        && spec.LocalPort == firstPacket.DestinationPort
        && spec.Peer.Matches(firstPacket.Source, firstPacket.SourcePort)
        && (!spec.AdmitLike.IsSet || gate is null || gate.Admits(in spec, in firstPacket));

    /// <summary>The live pinholes, at most <paramref name="max"/>, for a status listing (allocates: never on the packet path).</summary>
    public IReadOnlyList<OpenExpectation> List(long now, int max)
    {
        var open = new List<OpenExpectation>();
        for (var i = 0; i < _slots.Length && open.Count < max; i++)
        {
            if (_slots[i].InUse && _slots[i].ExpiresAt > now)
            {
                open.Add(new OpenExpectation(_slots[i].Spec, _slots[i].ExpiresAt));
            }
        }

        return open;
    }

    /// <summary>Closes the map entries (<see cref="ExpectationSpec.AdmitLike"/>) of owners <paramref name="keep"/> does not
    /// keep: an ALG a reload turned off no longer holds its map.</summary>
    public int RemoveMapEntries(Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var removed = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].InUse && _slots[i].Spec.AdmitLike.IsSet && !keep(_slots[i].Spec.OwnerTag) && Remove(i))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Closes the owner's map entry for the endpoint <paramref name="spec"/> expects, if any.</summary>
    private void RemoveMapEntry(in ExpectationSpec spec)
    {
        var bucket = Bucket(spec.Protocol, spec.ArrivalSide, spec.LocalAddress, spec.LocalPort);
        var previous = -1;
        var current = _buckets[bucket];
        while (current >= 0)
        {
            ref readonly var other = ref _slots[current].Spec;
            var next = _slots[current].Next;
            if (other.AdmitLike.IsSet && other.OwnerTag == spec.OwnerTag && other.Protocol == spec.Protocol && other.ArrivalSide == spec.ArrivalSide
                && other.LocalAddress == spec.LocalAddress && other.LocalPort == spec.LocalPort)
            {
                Unlink(bucket, previous, current);
            }
            else
            {
                previous = current;
            }

            current = next;
        }
    }

    /// <summary>Closes one pinhole by the handle <see cref="TryAdd"/> gave.</summary>
    public bool Remove(int handle)
    {
        if ((uint)handle >= (uint)_slots.Length || !_slots[handle].InUse)
        {
            return false;
        }

        ref var spec = ref _slots[handle].Spec;
        var bucket = Bucket(spec.Protocol, spec.ArrivalSide, spec.LocalAddress, spec.LocalPort);
        var previous = -1;
        for (var current = _buckets[bucket]; current >= 0; current = _slots[current].Next)
        {
            if (current == handle)
            {
                Unlink(bucket, previous, current);
                return true;
            }

            previous = current;
        }

        return false;
    }

    /// <summary>Closes every pinhole of one owner (an ALG session ending, a BYE, an Expires: 0).</summary>
    public int RemoveOwnedBy(int ownerTag, FlowId master)
    {
        var removed = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].InUse && _slots[i].Spec.OwnerTag == ownerTag && _slots[i].Spec.Master == master && Remove(i))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Pinholes open now for one master flow, whichever ALG or group asked.</summary>
    /// <remarks>O(pinholes of that flow).</remarks>
    public int CountForMaster(FlowId master)
    {
        var count = 0;
        for (var current = _masterHeads.GetValueOrDefault(master, -1); current >= 0; current = _slots[current].MasterNext)
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Closes the pinholes of a master flow that has ended, except those asked to outlive it (a SIP
    /// registration's binding, which the signalling flow's idle timeout must not close).
    /// </summary>
    public int RemoveForMaster(FlowId master)
    {
        var removed = 0;
        var current = _masterHeads.GetValueOrDefault(master, -1);
        while (current >= 0)
        {
            var next = _slots[current].MasterNext;
            if (!_slots[current].Spec.OutlivesMaster && Remove(current))
            {
                removed++;
            }

            current = next;
        }

        return removed;
    }

    /// <summary>Pinholes open now in one group of one master flow.</summary>
    public int CountGroup(int ownerTag, FlowId master, long group)
    {
        var count = 0;
        for (var current = _groupHeads.GetValueOrDefault(new ExpectationGroupKey(ownerTag, master, group), -1); current >= 0; current = _slots[current].GroupNext)
        {
            count++;
        }

        return count;
    }

    /// <summary>Closes one conversation's pinholes (a SIP BYE, CANCEL or failure; a re-offer before reopening).</summary>
    /// <remarks>O(pinholes of the group), so a busy signalling flow's teardown does not scan the table.</remarks>
    public int RemoveGroup(int ownerTag, FlowId master, long group)
    {
        if (group == 0)
        {
            return 0;
        }

        var removed = 0;
        while (_groupHeads.TryGetValue(new ExpectationGroupKey(ownerTag, master, group), out var head) && Remove(head))
        {
            removed++;
        }

        return removed;
    }

    /// <summary>
    /// Narrows who may use one conversation's pinholes and resets how long they wait (an SDP answer names the
    /// media peer the offer could not know).
    /// </summary>
    public int RestrictGroup(int ownerTag, FlowId master, long group, ExpectedPeer peer, long lifetimeNanoseconds, long now)
    {
        var updated = 0;
        var expiresAt = lifetimeNanoseconds == long.MaxValue ? long.MaxValue : now + lifetimeNanoseconds;
        for (var current = _groupHeads.GetValueOrDefault(new ExpectationGroupKey(ownerTag, master, group), -1); current >= 0; current = _slots[current].GroupNext)
        {
            ref var slot = ref _slots[current];
            slot.Spec = slot.Spec with { Peer = peer };
            slot.ExpiresAt = expiresAt;
            _earliestExpiry = Math.Min(_earliestExpiry, expiresAt);
            updated++;
        }

        return updated;
    }

    /// <summary>Every pinhole still in the table with its expiry time (expired ones not yet swept included), for what
    /// shows them (a console's <c>show conn</c>); O(capacity) and allocating, so never on the packet path.</summary>
    public IReadOnlyList<OpenExpectation> Snapshot() => List(long.MinValue, int.MaxValue);

    /// <summary>Sweeps expired pinholes; O(capacity) when one is due, O(1) otherwise.</summary>
    public int RemoveExpired(long now)
    {
        if (Count == 0 || now < _earliestExpiry)
        {
            return 0;
        }

        var removed = 0;
        var earliest = long.MaxValue;
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].InUse && _slots[i].ExpiresAt <= now && Remove(i))
            {
                removed++;
                Expired++;
            }
            else if (_slots[i].InUse)
            {
                earliest = Math.Min(earliest, _slots[i].ExpiresAt);
            }
        }

        _earliestExpiry = earliest;
        return removed;
    }

    private void Unlink(int bucket, int previous, int current)
    {
        ref var slot = ref _slots[current];
        if (previous < 0)
        {
            _buckets[bucket] = slot.Next;
        }
        else
        {
            _slots[previous].Next = slot.Next;
        }

        if (slot.Spec.Group != 0)
        {
            UnlinkFromGroup(current, ref slot);
        }

        UnlinkFromMaster(current, ref slot);
        slot.InUse = false;
        slot.Spec = default;
        slot.Next = _freeHead;
        _freeHead = current;
        Count--;
    }

    private void UnlinkFromMaster(int handle, ref ExpectationSlot slot)
    {
        var master = slot.Spec.Master;
        var head = _masterHeads.GetValueOrDefault(master, -1);
        if (head == handle)
        {
            if (slot.MasterNext < 0)
            {
                _masterHeads.Remove(master);
            }
            else
            {
                _masterHeads[master] = slot.MasterNext;
            }

            return;
        }

        for (var current = head; current >= 0; current = _slots[current].MasterNext)
        {
            if (_slots[current].MasterNext == handle)
            {
                _slots[current].MasterNext = slot.MasterNext;
                return;
            }
        }
    }

    private void UnlinkFromGroup(int handle, ref ExpectationSlot slot)
    {
        var key = new ExpectationGroupKey(slot.Spec.OwnerTag, slot.Spec.Master, slot.Spec.Group);
        var head = _groupHeads.GetValueOrDefault(key, -1);
        if (head == handle)
        {
            if (slot.GroupNext < 0)
            {
                _groupHeads.Remove(key);
            }
            else
            {
                _groupHeads[key] = slot.GroupNext;
            }

            return;
        }

        for (var current = head; current >= 0; current = _slots[current].GroupNext)
        {
            if (_slots[current].GroupNext == handle)
            {
                _slots[current].GroupNext = slot.GroupNext;
                return;
            }
        }
    }

    private int Bucket(byte protocol, FlowSide side, uint address, ushort port)
    {
        var h = ((ulong)address << 32 | (uint)port << 16 | (uint)protocol << 8 | (byte)side) * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 40) & _bucketMask;
    }
}
