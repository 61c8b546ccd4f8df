using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;

namespace Alg.Runtime.Nat;

/// <summary>Creating flows: rule selection, mapping and port allocation, filtering, limits.</summary>
public sealed partial class NatEngine
{
    private int CreateFromInside(in PacketInfo info, in FlowKey key, long now, IPolicyClassifier classifier, ref DropReason reason)
    {
        if (!CheckLimits(info.SourceAddress, out var hostLimit, ref reason))
        {
            return -1;
        }

        if (!ResolveSource(in info, now, classifier, out var mappedAddress, out var mappedPort, out var mappingIndex, ref reason))
        {
            return -1;
        }

        var destination = info.DestinationAddress;
        var destinationPort = key.DestinationPort;
        var replySide = FlowSide.Outside;
        var master = -1;
        ExpectationSpec expected = default;
        if (_expectations.Count > 0 && _expectations.TryMatch(key, now, out expected))
        {
            // A pinhole for a flow starting inside: the ALG redirects its destination (e.g. a peer's mapped address).
            destination = expected.TranslatedAddress;
            destinationPort = expected.TranslatedPort;
            master = _flows.IsLive(expected.Master) ? expected.Master.Index : -1;
        }
        else if (_behavior.Hairpinning && _rules.IsOwned(destination))
        {
            // RFC 4787 REQ-9: the peer sees the sender's mapped endpoint, the sender reaches the peer's real one.
            if (!ResolveInbound(info.Protocol, destination, destinationPort, mappedAddress, mappedPort, (info.Flags & PacketFlags.HasPorts) != 0, out destination, out destinationPort, out _, ref reason))
            {
                ReleaseIfUnused(mappingIndex, now);
                return -1;
            }

            replySide = FlowSide.Inside;
        }

        var reply = (info.Flags & PacketFlags.IcmpQuery) != 0
            ? new FlowKey(destination, mappedAddress, mappedPort, mappedPort, info.Protocol, replySide)
            : new FlowKey(destination, mappedAddress, destinationPort, mappedPort, info.Protocol, replySide);
        var index = Insert(in key, in reply, FlowSide.Inside, info.TcpFlags, info.Protocol, now, ref reason);
        if (index < 0)
        {
            ReleaseIfUnused(mappingIndex, now);
            return -1;
        }

        ref var flow = ref _flows[index];
        if (mappedAddress != info.SourceAddress || mappedPort != key.SourcePort)
        {
            flow.Flags |= FlowEntryFlags.SourceTranslated;
        }

        if (destination != info.DestinationAddress || destinationPort != key.DestinationPort)
        {
            flow.Flags |= FlowEntryFlags.DestinationTranslated;
        }

        if (master >= 0)
        {
            flow.MasterIndex = master;
            flow.Flags |= FlowEntryFlags.FromExpectation;
            AssignInspector(ref flow, index, expected.InspectedBy);
        }

        Attach(index, mappingIndex, hostLimit);
        return index;
    }

    private int CreateFromOutside(in PacketInfo info, in FlowKey key, long now, ref DropReason reason)
    {
        if (info.Protocol == IpProtocol.Tcp && (info.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Rst)) != TcpFlags.Syn)
        {
            // Only a SYN may open state from outside: an ACK or RST here belongs to no connection we know, and
            // letting it in would let anyone fill the table with "established" entries (cf. RFC 5382 REQ-4).
            reason = DropReason.UnsolicitedTcpWithoutSyn;
            return -1;
        }

        var hasPorts = (info.Flags & PacketFlags.HasPorts) != 0;
        uint realAddress;
        ushort realPort;
        var mappingIndex = -1;
        var master = -1;
        var fromExpectation = _expectations.TryMatch(key, now, out var expected);
        if (fromExpectation)
        {
            realAddress = expected.TranslatedAddress;
            realPort = expected.TranslatedPort;
            master = _flows.IsLive(expected.Master) ? expected.Master.Index : -1;
        }
        else if (!ResolveInbound(info.Protocol, info.DestinationAddress, key.DestinationPort, info.SourceAddress, key.SourcePort, hasPorts, out realAddress, out realPort, out mappingIndex, ref reason))
        {
            return -1;
        }

        if (!CheckLimits(realAddress, out var hostLimit, ref reason))
        {
            return -1;
        }

        var reply = (info.Flags & PacketFlags.IcmpQuery) != 0
            ? new FlowKey(realAddress, info.SourceAddress, realPort, realPort, info.Protocol, FlowSide.Inside)
            : new FlowKey(realAddress, info.SourceAddress, realPort, key.SourcePort, info.Protocol, FlowSide.Inside);
        var index = Insert(in key, in reply, FlowSide.Outside, info.TcpFlags, info.Protocol, now, ref reason);
        if (index < 0)
        {
            return -1;
        }

        ref var flow = ref _flows[index];
        flow.Flags |= FlowEntryFlags.DestinationTranslated;
        flow.MasterIndex = master;
        if (fromExpectation)
        {
            flow.Flags |= FlowEntryFlags.FromExpectation;
            AssignInspector(ref flow, index, expected.InspectedBy);
        }

        Attach(index, mappingIndex, hostLimit);
        return index;
    }

    private void AssignInspector(ref FlowEntry flow, int index, int inspectedBy)
    {
        if (inspectedBy != 0 && _algStage is not null)
        {
            flow.Flags |= FlowEntryFlags.InspectorAssigned;
            _algStage.AssignInspector(_flows.IdOf(index), inspectedBy);
        }
    }

    private int Insert(in FlowKey original, in FlowKey reply, FlowSide initiator, TcpFlags tcpFlags, byte protocol, long now, ref DropReason reason)
    {
        if (_flows.Find(reply, out _) >= 0)
        {
            // The reply tuple is already somebody's: only possible for port-less protocols sharing one address.
            reason = DropReason.PortsExhausted;
            return -1;
        }

        if (!_flows.TryInsert(original, reply, now, now, out var index))
        {
            reason = DropReason.FlowTableFull;
            return -1;
        }

        ref var flow = ref _flows[index];
        flow.Initiator = initiator;
        if (protocol == IpProtocol.Tcp)
        {
            // A flow first seen mid-connection (capture started late, gateway restarted) is picked up as established.
            flow.TcpState = (tcpFlags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn ? TcpTrackState.SynSent : TcpTrackState.Established;
        }

        FlowsCreated++;
        return index;
    }

    private bool CheckLimits(uint host, out int hostLimit, ref DropReason reason)
    {
        // RFC 6888 REQ-5/REQ-11: refuse new state at a limit; never make room by deleting live state.
        hostLimit = -1;
        if (_flows.Count >= _maxEntries)
        {
            reason = DropReason.FlowTableFull;
            return false;
        }

        if (_hostLimitIndex.TryGetValue(host, out var limitIndex))
        {
            if (_hostLimitCount[limitIndex] >= _hostLimitMax[limitIndex])
            {
                reason = DropReason.HostLimitReached;
                return false;
            }

            hostLimit = limitIndex;
        }

        return true;
    }

    /// <summary>The rule the policy engine selects decides the new flow's source translation; none leaves it as is.</summary>
    /// <param name="preferredPort">A reservation's wish for the public port (the odd half of an RTP/RTCP pair); 0 for none.</param>
    private bool ResolveSource(in PacketInfo info, long now, IPolicyClassifier classifier, out uint mappedAddress, out ushort mappedPort, out int mappingIndex, ref DropReason reason, ushort preferredPort = 0)
    {
        var hasPorts = (info.Flags & PacketFlags.HasPorts) != 0;
        var sourcePort = hasPorts ? info.SourcePort : (ushort)0;
        var destinationPort = hasPorts ? info.DestinationPort : (ushort)0;
        mappedAddress = info.SourceAddress;
        mappedPort = sourcePort;
        mappingIndex = -1;
        var selected = classifier.SelectNatRule(TupleOf(in info, info.SourceAddress, sourcePort, info.DestinationAddress, destinationPort));
        if (selected < 0)
        {
            return true;
        }

        var rule = _rules.ForPolicyIndex(classifier.Program.NatRules[selected].PolicyIndex);
        if (rule is null)
        {
            reason = DropReason.NotTranslatable;
            return false;
        }

        switch (rule.Kind)
        {
            case NatRuleKind.StaticPort:
                mappedAddress = rule.TargetAddresses[0].First.Value;
                mappedPort = (ushort)rule.MappedPort;
                return true;
            case NatRuleKind.Static:
                if (rule.TryMapStatic(info.SourceAddress, out var staticAddress))
                {
                    mappedAddress = staticAddress;
                }

                return true;
            case NatRuleKind.DynamicPat:
            case NatRuleKind.DynamicPool:
                return AllocateMapping(rule, in info, sourcePort, destinationPort, preferredPort, now, out mappedAddress, out mappedPort, out mappingIndex, ref reason);
            default:
                return true;
        }
    }

    private bool AllocateMapping(CompiledNatRule rule, in PacketInfo info, ushort sourcePort, ushort destinationPort, ushort preferredPort, long now, out uint mappedAddress, out ushort mappedPort, out int mappingIndex, ref DropReason reason)
    {
        var addressOnly = rule.Kind == NatRuleKind.DynamicPool;
        var protocol = addressOnly ? (byte)0 : info.Protocol;
        var internalPort = addressOnly ? (ushort)0 : sourcePort;

        // RFC 4787 §4.1 / REQ-1, RFC 5382 REQ-1: which part of the destination keys the mapping.
        var remoteAddress = addressOnly || _behavior.Mapping == MappingBehavior.EndpointIndependent ? 0u : info.DestinationAddress;
        var remotePort = !addressOnly && _behavior.Mapping == MappingBehavior.AddressAndPortDependent ? destinationPort : (ushort)0;
        var internalKey = NatMappingTable.InternalKey(protocol, info.SourceAddress, internalPort, remoteAddress, remotePort);
        mappingIndex = _mappings.FindByInternal(internalKey);
        if (mappingIndex >= 0)
        {
            ref var existing = ref _mappings[mappingIndex];
            mappedAddress = existing.ExternalAddress;
            mappedPort = addressOnly ? sourcePort : existing.ExternalPort;
            return true;
        }

        var candidates = AddressCount(rule.TargetAddresses);

        // RFC 4787 REQ-2 "paired" pooling: an inside host always starts at the same pool address.
        var start = (int)(((ulong)info.SourceAddress * 0x9E3779B97F4A7C15UL >> 32) % (ulong)candidates);
        var tries = _behavior.ConsistentNat ? 1 : candidates;
        var nowSecond = NowSecond(now);
        var hasPorts = (info.Flags & PacketFlags.HasPorts) != 0;
        for (var i = 0; i < tries; i++)
        {
            var address = AddressAt(rule.TargetAddresses, (start + i) % candidates);
            int port;
            if (addressOnly || !hasPorts)
            {
                port = _mappings.ExternalInUse(protocol, address, 0) ? -1 : 0;
            }
            else
            {
                var allocator = AllocatorFor(address, protocol);
                port = preferredPort >= PortAllocator.FirstDynamicPort && allocator.TryTake(preferredPort, nowSecond)
                    ? preferredPort
                    : _behavior.PortPreservation && sourcePort >= PortAllocator.FirstDynamicPort && allocator.TryTake(sourcePort, nowSecond)
                    ? sourcePort
                    : allocator.TakeAny(ref _random, nowSecond);
            }

            if (port < 0)
            {
                continue;
            }

            var mapping = new NatMapping
            {
                Protocol = protocol,
                AddressOnly = addressOnly,
                RuleIndex = (short)rule.Index,
                InternalAddress = info.SourceAddress,
                InternalPort = internalPort,
                RemoteAddress = remoteAddress,
                RemotePort = remotePort,
                ExternalAddress = address,
                ExternalPort = (ushort)port,
            };
            mappingIndex = _mappings.Add(mapping);
            if (mappingIndex < 0)
            {
                if (port > 0)
                {
                    AllocatorFor(address, protocol).Release(port, nowSecond);
                }

                reason = DropReason.FlowTableFull;
                mappedAddress = 0;
                mappedPort = 0;
                return false;
            }

            mappedAddress = address;
            mappedPort = addressOnly ? sourcePort : (ushort)port;
            return true;
        }

        reason = DropReason.PortsExhausted;
        mappedAddress = 0;
        mappedPort = 0;
        return false;
    }

    /// <summary>Where a packet arriving for a global endpoint goes: static forward, static 1:1 or a live dynamic mapping.</summary>
    private bool ResolveInbound(byte protocol, uint destination, ushort destinationPort, uint remote, ushort remotePort, bool hasPorts, out uint realAddress, out ushort realPort, out int mappingIndex, ref DropReason reason)
    {
        mappingIndex = -1;
        foreach (var rule in _rules.RuleArray)
        {
            if (rule.Kind == NatRuleKind.StaticPort)
            {
                if (hasPorts && protocol == rule.Protocol && destination == rule.TargetAddresses[0].First.Value && destinationPort == rule.MappedPort)
                {
                    realAddress = rule.RealAddresses[0].First.Value;
                    realPort = (ushort)rule.RealPort;
                    return true;
                }
            }
            else if (rule.Kind == NatRuleKind.Static && rule.TryUnmapStatic(destination, out realAddress))
            {
                realPort = destinationPort;
                return true;
            }
        }

        mappingIndex = _mappings.FindByExternal(protocol, destination, hasPorts ? destinationPort : (ushort)0);
        if (mappingIndex < 0)
        {
            mappingIndex = _mappings.FindByExternal(0, destination, 0);
        }

        if (mappingIndex < 0)
        {
            reason = DropReason.NoMapping;
            realAddress = 0;
            realPort = 0;
            return false;
        }

        if (!FilterAllows(mappingIndex, remote, remotePort))
        {
            reason = DropReason.FilteredByEndpoint;
            mappingIndex = -1;
            realAddress = 0;
            realPort = 0;
            return false;
        }

        ref var mapping = ref _mappings[mappingIndex];
        realAddress = mapping.InternalAddress;
        realPort = mapping.AddressOnly ? destinationPort : mapping.InternalPort;
        return true;
    }

    /// <summary>RFC 4787 §5 / REQ-8: may this remote endpoint send to the mapping without an existing flow?</summary>
    private bool FilterAllows(int mappingIndex, uint remote, ushort remotePort)
    {
        if (_behavior.Filtering == FilteringBehavior.EndpointIndependent)
        {
            return true;
        }

        for (var flowIndex = _mappings[mappingIndex].FirstFlow; flowIndex >= 0; flowIndex = _flows[flowIndex].MappingNextFlow)
        {
            ref var flow = ref _flows[flowIndex];
            ref readonly var remoteKey = ref flow.Initiator == FlowSide.Inside ? ref flow.ReplyKey : ref flow.OriginalKey;
            if (remoteKey.Source == remote
                && (_behavior.Filtering == FilteringBehavior.AddressDependent || remoteKey.SourcePort == remotePort))
            {
                return true;
            }
        }

        return false;
    }

    private void Attach(int flowIndex, int mappingIndex, int hostLimit)
    {
        ref var flow = ref _flows[flowIndex];
        flow.HostLimitIndex = (short)hostLimit;
        if (hostLimit >= 0)
        {
            _hostLimitCount[hostLimit]++;
        }

        flow.MappingIndex = mappingIndex;
        if (mappingIndex < 0)
        {
            return;
        }

        ref var mapping = ref _mappings[mappingIndex];
        flow.MappingPrevFlow = -1;
        flow.MappingNextFlow = mapping.FirstFlow;
        if (mapping.FirstFlow >= 0)
        {
            _flows[mapping.FirstFlow].MappingPrevFlow = flowIndex;
        }

        mapping.FirstFlow = flowIndex;
        mapping.FlowCount++;
    }

    private void RemoveFlow(int flowIndex, long now)
    {
        ref var flow = ref _flows[flowIndex];
        if (flow.HostLimitIndex >= 0)
        {
            _hostLimitCount[flow.HostLimitIndex]--;
        }

        var mappingIndex = flow.MappingIndex;
        if (mappingIndex >= 0)
        {
            ref var mapping = ref _mappings[mappingIndex];
            if (flow.MappingPrevFlow >= 0)
            {
                _flows[flow.MappingPrevFlow].MappingNextFlow = flow.MappingNextFlow;
            }
            else
            {
                mapping.FirstFlow = flow.MappingNextFlow;
            }

            if (flow.MappingNextFlow >= 0)
            {
                _flows[flow.MappingNextFlow].MappingPrevFlow = flow.MappingPrevFlow;
            }

            mapping.FlowCount--;
            ReleaseIfUnused(mappingIndex, now);
        }

        // A pinhole dies with the signalling flow that asked for it (PinholeGuard's rule), unless marked to outlive it.
        if (_expectations.Count > 0)
        {
            _expectations.RemoveForMaster(_flows.IdOf(flowIndex));
        }

        _flows.Remove(flowIndex);
    }

    private void ReleaseIfUnused(int mappingIndex, long now)
    {
        if (mappingIndex < 0)
        {
            return;
        }

        ref var mapping = ref _mappings[mappingIndex];
        if (!mapping.InUse || mapping.FlowCount > 0 || mapping.ReservedUntil > now)
        {
            return;
        }

        if (mapping.ReservedUntil != 0)
        {
            _reservedMappings--;
        }

        if (!mapping.AddressOnly && mapping.ExternalPort != 0)
        {
            // RFC 6888 REQ-8: the port is held before anyone else may get it.
            AllocatorFor(mapping.ExternalAddress, mapping.Protocol).Release(mapping.ExternalPort, NowSecond(now));
        }

        _mappings.Remove(mappingIndex);
    }

    private PortAllocator AllocatorFor(uint address, byte protocol)
    {
        var key = ((ulong)address << 8) | protocol;
        if (!_portAllocators.TryGetValue(key, out var allocator))
        {
            // Created on first use of an address: a pool of many addresses costs memory only for those used.
            allocator = new PortAllocator(_portHoldSeconds);
            _portAllocators[key] = allocator;
        }

        return allocator;
    }

    private static int AddressCount(AddressRange[] ranges)
    {
        ulong count = 0;
        foreach (var range in ranges)
        {
            count += range.Count;
        }

        return (int)Math.Min(count, int.MaxValue);
    }

    private static uint AddressAt(AddressRange[] ranges, int position)
    {
        var remaining = (ulong)position;
        foreach (var range in ranges)
        {
            if (remaining < range.Count)
            {
                return range.First.Value + (uint)remaining;
            }

            remaining -= range.Count;
        }

        return ranges[0].First.Value;
    }
}
