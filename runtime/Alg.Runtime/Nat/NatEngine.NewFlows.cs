using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Nat;

/// <summary>Creating flows: rule selection, mapping and port allocation, filtering, limits.</summary>
public sealed partial class NatEngine
{
    private int CreateFromInside(ref PacketWalk walk, ref DropReason reason)
    {
        ref readonly var info = ref walk.Info;
        ref readonly var key = ref walk.Key;
        var now = walk.Now;
        var destination = info.DestinationAddress;
        var destinationPort = walk.NatDestinationPort;
        var replySide = FlowSide.Outside;
        var master = -1;
        if (walk.FromPinhole)
        {
            // A pinhole for a flow starting inside: the ALG redirects its destination (e.g. a peer's mapped address).
            destination = walk.Destination;
            destinationPort = walk.DestinationPort;
            master = _flows.IsLive(walk.PinholeMaster) ? walk.PinholeMaster.Index : -1;
        }
        else if (_program.Behavior.Hairpinning && _program.Nat.IsOwned(destination))
        {
            // RFC 4787 REQ-9: the peer sees the sender's mapped endpoint, the sender reaches the peer's real one.
            if (!ResolveInbound(info.Protocol, destination, destinationPort, walk.MappedAddress, walk.MappedPort, (info.Flags & PacketFlags.HasPorts) != 0, out destination, out destinationPort, out _, ref reason))
            {
                ReleaseIfUnused(walk.MappingIndex, now);
                return -1;
            }

            replySide = FlowSide.Inside;
        }

        var mappedAddress = walk.MappedAddress;
        var mappedPort = walk.MappedPort;
        var reply = (info.Flags & PacketFlags.IcmpQuery) != 0
            ? new FlowKey(destination, mappedAddress, mappedPort, mappedPort, info.Protocol, replySide)
            : info.Protocol == IpProtocol.Esp
            ? FlowKey.OneWay(destination, mappedAddress, key.SourcePort, key.DestinationPort, info.Protocol, replySide)
            : new FlowKey(destination, mappedAddress, destinationPort, mappedPort, info.Protocol, replySide);
        var index = Insert(in key, in reply, FlowSide.Inside, info.TcpFlags, info.Protocol, now, ref reason);
        if (index < 0)
        {
            ReleaseIfUnused(walk.MappingIndex, now);
            return -1;
        }

        ref var flow = ref _flows[index];
        if (mappedAddress != info.SourceAddress || mappedPort != walk.NatSourcePort)
        {
            flow.Flags |= FlowEntryFlags.SourceTranslated;
        }

        if (destination != info.DestinationAddress || destinationPort != walk.NatDestinationPort)
        {
            flow.Flags |= FlowEntryFlags.DestinationTranslated;
        }

        if (master >= 0)
        {
            flow.MasterIndex = master;
            flow.Flags |= FlowEntryFlags.FromExpectation;
            AssignInspector(ref flow, index, ref walk);
        }

        Attach(index, walk.MappingIndex, walk.HostLimit);
        return index;
    }

    private int CreateFromOutside(ref PacketWalk walk, ref DropReason reason)
    {
        ref readonly var info = ref walk.Info;
        ref readonly var key = ref walk.Key;
        var realAddress = walk.Destination;
        var realPort = walk.DestinationPort;
        var master = walk.FromPinhole && _flows.IsLive(walk.PinholeMaster) ? walk.PinholeMaster.Index : -1;
        if (!CheckLimits(realAddress, out var hostLimit, ref reason))
        {
            return -1;
        }

        var reply = (info.Flags & PacketFlags.IcmpQuery) != 0
            ? new FlowKey(realAddress, info.SourceAddress, realPort, realPort, info.Protocol, FlowSide.Inside)
            : info.Protocol == IpProtocol.Esp
            ? FlowKey.OneWay(realAddress, info.SourceAddress, key.SourcePort, key.DestinationPort, info.Protocol, FlowSide.Inside)
            : new FlowKey(realAddress, info.SourceAddress, realPort, key.SourcePort, info.Protocol, FlowSide.Inside);
        var index = Insert(in key, in reply, FlowSide.Outside, info.TcpFlags, info.Protocol, walk.Now, ref reason);
        if (index < 0)
        {
            return -1;
        }

        ref var flow = ref _flows[index];
        flow.Flags |= FlowEntryFlags.DestinationTranslated;
        flow.MasterIndex = master;
        if (walk.FromPinhole)
        {
            flow.Flags |= FlowEntryFlags.FromExpectation;
            AssignInspector(ref flow, index, ref walk);
        }

        Attach(index, walk.MappingIndex, hostLimit);
        return index;
    }

    private void AssignInspector(ref FlowEntry flow, int index, ref PacketWalk walk)
    {
        if (walk.InspectedBy != 0 && _algStage is not null)
        {
            flow.Flags |= FlowEntryFlags.InspectorAssigned;
            _algStage.AssignInspector(_flows.IdOf(index), new Algs.AlgAssignment(walk.InspectedBy, walk.PinholeMaster, walk.PinholeGroup));
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
        if (_flows.Count >= Math.Min(_program.Limits.MaxEntries ?? long.MaxValue, _flowCapacity))
        {
            reason = DropReason.FlowTableFull;
            return false;
        }

        if (!_program.HasHostLimits)
        {
            return true;
        }

        var limit = _program.HostLimitFor(host);
        if (limit < 0)
        {
            return true;
        }

        // Counted per host, not per limit entry, so a reload that adds, removes or changes limits finds the counts right.
        if (_hostCounts.GetValueOrDefault(host) >= limit)
        {
            reason = DropReason.HostLimitReached;
            return false;
        }

        hostLimit = 0;
        return true;
    }

    /// <summary>The NAT rule the walking engine selects decides a source translation outside a walk (an ALG reserving the
    /// public endpoint of media that has not started); none leaves it as is.</summary>
    /// <param name="preferredPort">A reservation's wish for the public port (the odd half of an RTP/RTCP pair); 0 for none.</param>
    private bool ResolveSource(in PacketInfo info, long now, out uint mappedAddress, out ushort mappedPort, out int mappingIndex, ref DropReason reason, ushort preferredPort = 0)
    {
        var hasPorts = (info.Flags & PacketFlags.HasPorts) != 0;
        var sourcePort = hasPorts ? info.SourcePort : (ushort)0;
        var destinationPort = hasPorts ? info.DestinationPort : (ushort)0;
        mappedAddress = info.SourceAddress;
        mappedPort = sourcePort;
        mappingIndex = -1;
        var selected = _walkingEngine.SelectNatRule(TupleOf(in info, info.SourceAddress, sourcePort, info.DestinationAddress, destinationPort));
        if (selected < 0)
        {
            return true;
        }

        return ApplyRuleAction(_program.NatRules[selected], in info, sourcePort, destinationPort, preferredPort, now, ref mappedAddress, ref mappedPort, out mappingIndex, ref reason);
    }

    /// <summary>
    /// What a selected rule does to a new flow's source, for the walk and for a reservation alike: a port forward's and a
    /// static mapping's fixed global endpoint, a dynamic rule's mapping; an exemption leaves the source as it is. On
    /// entry the endpoint holds the untranslated source.
    /// </summary>
    private bool ApplyRuleAction(NatRulePlan rule, in PacketInfo info, ushort sourcePort, ushort destinationPort, ushort preferredPort, long now, ref uint mappedAddress, ref ushort mappedPort, out int mappingIndex, ref DropReason reason)
    {
        mappingIndex = -1;
        switch (rule.Kind)
        {
            case NatRuleKind.StaticPort:
                mappedAddress = rule.GlobalAddress;
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

    private bool AllocateMapping(NatRulePlan rule, in PacketInfo info, ushort sourcePort, ushort destinationPort, ushort preferredPort, long now, out uint mappedAddress, out ushort mappedPort, out int mappingIndex, ref DropReason reason)
    {
        var addressOnly = rule.Kind == NatRuleKind.DynamicPool;
        var protocol = addressOnly ? (byte)0 : info.Protocol;
        var internalPort = addressOnly ? (ushort)0 : sourcePort;

        // RFC 4787 §4.1 / REQ-1, RFC 5382 REQ-1: which part of the destination keys the mapping.
        var remoteAddress = addressOnly || _program.Behavior.Mapping == MappingBehavior.EndpointIndependent ? 0u : info.DestinationAddress;
        var remotePort = !addressOnly && _program.Behavior.Mapping == MappingBehavior.AddressAndPortDependent ? destinationPort : (ushort)0;
        var internalKey = NatMappingTable.InternalKey(protocol, info.SourceAddress, internalPort, remoteAddress, remotePort);
        mappingIndex = _mappings.FindByInternal(internalKey);
        if (mappingIndex >= 0)
        {
            ref var existing = ref _mappings[mappingIndex];
            mappedAddress = existing.ExternalAddress;
            mappedPort = addressOnly ? sourcePort : existing.ExternalPort;
            return true;
        }

        var candidates = AddressCount(rule.Targets);

        // RFC 4787 REQ-2 "paired" pooling: an inside host always starts at the same pool address.
        var start = (int)(((ulong)info.SourceAddress * 0x9E3779B97F4A7C15UL >> 32) % (ulong)candidates);
        var tries = _program.Behavior.ConsistentNat ? 1 : candidates;
        var nowSecond = NowSecond(now);
        var hasPorts = (info.Flags & PacketFlags.HasPorts) != 0;
        for (var i = 0; i < tries; i++)
        {
            var address = AddressAt(rule.Targets, (start + i) % candidates);
            int port;
            if (protocol == IpProtocol.Esp)
            {
                // Every inside host's ESP shares the address: SPIs keep their security associations apart (RFC 3715
                // §2.2), and inbound ones are matched to a host through the IKE gate or the peer (ResolveEspInbound).
                port = 0;
            }
            else if (addressOnly || !hasPorts)
            {
                port = _mappings.ExternalInUse(protocol, address, 0) ? -1 : 0;
            }
            else
            {
                var allocator = AllocatorFor(address, protocol);
                port = preferredPort >= PortAllocator.FirstDynamicPort && allocator.TryTake(preferredPort, nowSecond)
                    ? preferredPort
                    : protocol == IpProtocol.Udp && sourcePort == IpsecPassthroughPlan.IkePort && _program.Ipsec.PreserveIkePort && allocator.TryTake(sourcePort, nowSecond)
                    ? sourcePort
                    : _program.Behavior.PortPreservation && sourcePort >= PortAllocator.FirstDynamicPort && allocator.TryTake(sourcePort, nowSecond)
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
                RuleIndex = (short)rule.Id,
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
        foreach (var rule in _program.Nat.RuleArray)
        {
            if (rule.Kind == NatRuleKind.StaticPort)
            {
                if (hasPorts && protocol == rule.Protocol && destination == rule.GlobalAddress && destinationPort == rule.MappedPort)
                {
                    realAddress = rule.RealAddress;
                    realPort = rule.RealPortValue;
                    return true;
                }
            }
            else if (rule.Kind == NatRuleKind.Static && rule.TryUnmapStatic(destination, out realAddress))
            {
                realPort = destinationPort;
                return true;
            }
        }

        return ResolveDynamicInbound(protocol, destination, destinationPort, remote, remotePort, hasPorts, out realAddress, out realPort, out mappingIndex, ref reason);
    }

    /// <summary>A live dynamic mapping for a global endpoint, if its filtering lets this remote endpoint in.</summary>
    private bool ResolveDynamicInbound(byte protocol, uint destination, ushort destinationPort, uint remote, ushort remotePort, bool hasPorts, out uint realAddress, out ushort realPort, out int mappingIndex, ref DropReason reason)
    {
        if (protocol == IpProtocol.Esp)
        {
            realPort = 0;
            return ResolveEspInbound(destination, remote, out realAddress, out mappingIndex, ref reason);
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

    /// <summary>
    /// ESP of an SPI no flow knows, arriving for a public address (RFC 3715 §2.2: ESP has no ports to demultiplex by).
    /// With SPI matching on (the IPsec-NAT ALG) only a gate the ALG opened on the peer's IKE exchange lets it in, and the
    /// gate is a pinhole matched before this step: here it is refused. Otherwise it goes to the one inside host that
    /// sends ESP to this peer through this address (a dynamic pool's own address, or the only such host behind a shared
    /// one, as Linux tracks ESP by addresses); several such hosts make it ambiguous, and it is refused.
    /// </summary>
    private bool ResolveEspInbound(uint destination, uint remote, out uint realAddress, out int mappingIndex, ref DropReason reason)
    {
        realAddress = 0;
        mappingIndex = -1;
        if (_program.Ipsec.SpiMatching)
        {
            reason = DropReason.EspWithoutGate;
            return false;
        }

        var pooled = _mappings.FindByExternal(0, destination, 0);
        if (pooled >= 0)
        {
            if (!FilterAllows(pooled, remote, 0, portless: true))
            {
                reason = DropReason.FilteredByEndpoint;
                return false;
            }

            mappingIndex = pooled;
            realAddress = _mappings[pooled].InternalAddress;
            return true;
        }

        var found = -1;
        for (var index = _mappings.FindByExternal(IpProtocol.Esp, destination, 0); index >= 0; index = _mappings.NextWithSameExternal(index))
        {
            if (!FilterAllows(index, remote, 0, portless: true) || (found >= 0 && _mappings[found].InternalAddress == _mappings[index].InternalAddress))
            {
                continue;
            }

            if (found >= 0)
            {
                reason = DropReason.EspAmbiguous;
                return false;
            }

            found = index;
        }

        if (found < 0)
        {
            reason = DropReason.NoMapping;
            return false;
        }

        mappingIndex = found;
        realAddress = _mappings[found].InternalAddress;
        return true;
    }

    /// <summary>RFC 4787 §5 / REQ-8: may this remote endpoint send to the mapping without an existing flow?</summary>
    /// <param name="portless">The sender has no ports (ESP): a flow to its address is enough, and filtering that asks
    /// for no flow at all still needs one, so a public address shared by every inside host's ESP names only the hosts
    /// that talk to this peer.</param>
    private bool FilterAllows(int mappingIndex, uint remote, ushort remotePort, bool portless = false)
    {
        if (_program.Behavior.Filtering == FilteringBehavior.EndpointIndependent && !portless)
        {
            return true;
        }

        for (var flowIndex = _mappings[mappingIndex].FirstFlow; flowIndex >= 0; flowIndex = _flows[flowIndex].MappingNextFlow)
        {
            ref var flow = ref _flows[flowIndex];
            ref readonly var remoteKey = ref flow.Initiator == FlowSide.Inside ? ref flow.ReplyKey : ref flow.OriginalKey;
            if (remoteKey.Source == remote
                && (portless || _program.Behavior.Filtering == FilteringBehavior.AddressDependent || remoteKey.SourcePort == remotePort))
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
            var host = LimitedHostOf(in flow);
            _hostCounts[host] = _hostCounts.GetValueOrDefault(host) + 1;
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

    /// <summary>The inside host a flow counts against: its source when it started inside, its real destination otherwise.</summary>
    private static uint LimitedHostOf(in FlowEntry flow) => flow.Initiator == FlowSide.Inside ? flow.OriginalKey.Source : flow.ReplyKey.Source;

    private void RemoveFlow(int flowIndex, long now)
    {
        ref var flow = ref _flows[flowIndex];
        if (flow.HostLimitIndex >= 0)
        {
            var host = LimitedHostOf(in flow);
            var count = _hostCounts.GetValueOrDefault(host) - 1;
            if (count > 0)
            {
                _hostCounts[host] = count;
            }
            else
            {
                // Forgotten at zero, so the count table holds only hosts with live flows.
                _hostCounts.Remove(host);
            }
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

        // What an ALG made for this flow goes with it (a PPTP control connection's GRE tunnels).
        if ((flow.Flags & FlowEntryFlags.AlgState) != 0 && _algStage is not null)
        {
            _algStage.FlowEnded(this, _flows.IdOf(flowIndex), now);
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

    private static int AddressCount(System.Collections.Immutable.ImmutableArray<AddressRange> ranges)
    {
        ulong count = 0;
        foreach (var range in ranges)
        {
            count += range.Count;
        }

        return (int)Math.Min(count, int.MaxValue);
    }

    private static uint AddressAt(System.Collections.Immutable.ImmutableArray<AddressRange> ranges, int position)
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
