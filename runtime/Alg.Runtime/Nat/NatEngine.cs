using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;
using Alg.Runtime.Reassembly;

namespace Alg.Runtime.Nat;

/// <summary>
/// The translator: tracks flows, applies the policy's NAT rules to new ones and rewrites every packet of a
/// known flow in place with incremental checksums.
/// </summary>
/// <remarks>
/// <para>Entry point: <see cref="Process(ref PacketBuffer, LinkType, long, IngressSide)"/>. A packet of a known
/// flow costs one decode, one hash lookup, a timer refresh and the rewrite, and allocates nothing.</para>
/// <para>Model: each flow holds its original and reply tuples as they arrive; a packet matching one leaves as
/// the reverse of the other (the conntrack model), so source NAT, destination NAT and hairpinning are one
/// rewrite. Dynamic mappings (<see cref="NatMapping"/>) are shared by flows per the mapping behaviour and die
/// with their last flow.</para>
/// <para>Limits refuse new state with a counted drop and never evict a live flow (RFC 6888 REQ-5/REQ-11).
/// IPv6 and non-IP frames are forwarded untouched (no NAT66). Not thread-safe: one engine per worker.</para>
/// </remarks>
public sealed partial class NatEngine
{
    private readonly IClassifierSource _classifiers;
    private NatRuleSet _rules;
    private NatTimeouts _timeouts;
    private NatBehavior _behavior;
    private InterfaceSelector _interfaces;
    private readonly FlowTable _flows;
    private readonly NatMappingTable _mappings;
    private readonly ExpectationTable _expectations;
    private readonly Ipv4FragmentReassembler _fragments;
    private readonly Dictionary<ulong, PortAllocator> _portAllocators = [];
    private readonly Dictionary<uint, int> _hostLimitIndex = [];
    private readonly long[] _hostLimitMax;
    private readonly int[] _hostLimitCount;
    private readonly long _maxEntries;
    private readonly uint _portHoldSeconds;
    private readonly int _mappingCapacity;
    private readonly byte[] _reassembled = new byte[65535];
    private DeterministicRandom _random;
    private long _lastExpiryTick = long.MinValue;
    private int _reservedMappings;

    /// <param name="classifiers">
    /// The engine (interpreter or compiled) answering ACL and rule-selection questions for this policy;
    /// its program must be lowered from the same <paramref name="policy"/>.
    /// </param>
    public NatEngine(PolicyModel policy, IClassifierSource classifiers, NatEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(classifiers);
        options ??= new NatEngineOptions();
        _classifiers = classifiers;
        _rules = new NatRuleSet(policy);
        _timeouts = new NatTimeouts(policy.Timeouts);
        _behavior = policy.Behavior;
        _interfaces = new InterfaceSelector(policy);
        _flows = new FlowTable(options.FlowCapacity, options.RandomSeed ^ 0xA5A5A5A5A5A5A5A5UL);
        _mappings = new NatMappingTable(options.MappingCapacity, options.RandomSeed ^ 0x5A5A5A5A5A5A5A5AUL);
        _expectations = new ExpectationTable(options.ExpectationCapacity);
        _fragments = new Ipv4FragmentReassembler(options.Fragments);
        _random = new DeterministicRandom(options.RandomSeed);
        _portHoldSeconds = options.PortHoldSeconds;
        _mappingCapacity = options.MappingCapacity;
        _maxEntries = Math.Min(policy.Limits.MaxEntries ?? long.MaxValue, options.FlowCapacity);
        var perHost = policy.Limits.PerHost.IsDefault ? [] : policy.Limits.PerHost;
        _hostLimitMax = new long[perHost.Length];
        _hostLimitCount = new int[perHost.Length];
        for (var i = 0; i < perHost.Length; i++)
        {
            _hostLimitIndex[perHost[i].Host.Value] = i;
            _hostLimitMax[i] = perHost[i].MaxEntries;
        }

        // A static port forward owns its global port from the start, so PAT never hands it out.
        foreach (var rule in _rules.RuleArray)
        {
            if (rule.Kind == NatRuleKind.StaticPort)
            {
                AllocatorFor(rule.TargetAddresses[0].First.Value, rule.Protocol).TryTake(rule.MappedPort, 0);
            }
        }
    }

    public NatRuleSet Rules => _rules;

    public NatTimeouts Timeouts => _timeouts;

    public FlowTable Flows => _flows;

    public NatMappingTable Mappings => _mappings;

    /// <summary>Pinholes ALGs open; matched when a new flow arrives.</summary>
    public ExpectationTable Expectations => _expectations;

    /// <summary>True for an address a NAT rule publishes (static, port-forward or pool address): the gateway answers ARP
    /// for it on its outside link.</summary>
    public bool Publishes(uint address) => _rules.IsOwned(address);

    public DropCounters Drops { get; } = new();

    public long FlowsCreated { get; private set; }

    public long FlowsExpired { get; private set; }

    public long PacketsTranslated { get; private set; }

    /// <summary>Decodes and processes one frame, rewriting it in place.</summary>
    /// <param name="now">Nanoseconds on any monotonic clock (capture time when replaying).</param>
    public NatVerdict Process(ref PacketBuffer packet, LinkType linkType, long now, IngressSide ingress = IngressSide.Auto)
    {
        PacketDecoder.Decode(packet.Span, linkType, out var info);
        return Process(ref packet, ref info, now, ingress);
    }

    /// <summary>Processes a frame already decoded into <paramref name="info"/>, which is kept up to date with the rewrite.</summary>
    public NatVerdict Process(ref PacketBuffer packet, ref PacketInfo info, long now, IngressSide ingress = IngressSide.Auto)
    {
        if (info.IsDropped)
        {
            return CountDrop(info.DropReason, FlowSide.Inside);
        }

        if ((info.Flags & (PacketFlags.NotIp | PacketFlags.Ipv6)) != 0)
        {
            return NatVerdict.ForwardUntracked;
        }

        var tick = now / FlowTable.TickNanoseconds;
        if (tick != _lastExpiryTick)
        {
            _lastExpiryTick = tick;
            ExpireState(now);
        }

        if ((info.Flags & PacketFlags.Fragment) != 0)
        {
            // RFC 4787 REQ-14: fragments in any order are translated once their datagram is whole.
            var outcome = _fragments.Add(packet.Span[info.NetworkOffset..info.PacketEnd], info, now, _reassembled);
            if (outcome.Status == FragmentStatus.Held)
            {
                return NatVerdict.Held;
            }

            if (outcome.Status == FragmentStatus.Dropped)
            {
                return CountDrop(outcome.Reason, FlowSide.Inside);
            }

            if (!packet.TryResize(info.NetworkOffset + outcome.Length))
            {
                return CountDrop(DropReason.BufferTooSmall, FlowSide.Inside);
            }

            _reassembled.AsSpan(0, outcome.Length).CopyTo(packet.Span[info.NetworkOffset..]);
            if (!PacketDecoder.Decode(packet.Span, info.LinkType, out info))
            {
                return CountDrop(info.DropReason, FlowSide.Inside);
            }
        }

        var side = ResolveSide(in info, ingress);
        if ((info.Flags & PacketFlags.IcmpError) != 0)
        {
            return ProcessIcmpError(packet.Span, ref info, side, ingress);
        }

        var key = KeyOf(in info, side);
        var index = _flows.Find(key, out var isReply);
        if (index < 0 && ingress == IngressSide.Auto)
        {
            // Untranslated flows: the reply's destination is not ours, so the side guess differs from the flow's.
            var otherSide = side == FlowSide.Inside ? FlowSide.Outside : FlowSide.Inside;
            index = _flows.Find(KeyOf(in info, otherSide), out isReply);
            if (index >= 0)
            {
                side = otherSide;
            }
        }

        // Each interface's ACL mode comes from the IR (AclMode): stateless ACLs meet every packet, stateful ones only
        // the packet that opens a connection. An interface whose ACL names real addresses (ASA 8.3+) is checked once
        // the flow's un-NAT destination is known. The program is read once per packet, with the classifier.
        var classifier = _classifiers.Current;
        var program = classifier.Program;
        var newFlow = index < 0;
        var checkAcls = _interfaces.HasAcls && (newFlow || program.HasPerPacketAcls);
        var realAddressArrival = -1;
        if (checkAcls)
        {
            var arrival = _interfaces.For(side, side == FlowSide.Inside ? info.SourceAddress : info.DestinationAddress);
            var arrivalChecked = arrival >= 0 && (newFlow || program.Interfaces[arrival].AclMode == AclMode.PerPacket);
            if (arrivalChecked && newFlow && program.Interfaces[arrival].AclMode == AclMode.PerNewConnection
                && _expectations.Count > 0 && _expectations.Expects(in key, now))
            {
                // A stateful device lets the connection its inspection announced past the interface ACL (ASA
                // inspection, Junos/ScreenOS ALG gates): the pinhole, with its own checks, is the permission.
                arrivalChecked = false;
            }

            if (arrivalChecked && newFlow && program.Interfaces[arrival].InboundAclMatchesRealAddresses)
            {
                // ASA 8.3+: the ACL names the destination as it is after un-NAT, known once the flow exists.
                realAddressArrival = arrival;
            }
            else if (arrivalChecked && !classifier.PermitInbound(arrival, TupleOf(in info, info.SourceAddress, key.SourcePort, info.DestinationAddress, key.DestinationPort)))
            {
                return CountDrop(DropReason.AclDeniedInbound, side);
            }
        }

        if (newFlow)
        {
            var reason = DropReason.None;
            index = side == FlowSide.Inside ? CreateFromInside(in info, in key, now, classifier, ref reason) : CreateFromOutside(in info, in key, now, ref reason);
            if (index < 0)
            {
                return CountDrop(reason, side);
            }

            isReply = false;
        }

        ref var flow = ref _flows[index];
        if (info.Protocol == IpProtocol.Tcp)
        {
            TrackTcp(ref flow, info.TcpFlags, isReply);
        }

        var timeout = _timeouts.For(info.Protocol, flow.TcpState, flow.OriginalKey.DestinationPort);
        _flows.Refresh(index, timeout == NatTimeouts.Never ? long.MaxValue : now + timeout, now);

        // The packet leaves as the reverse of the other direction's tuple.
        ref readonly var other = ref isReply ? ref flow.OriginalKey : ref flow.ReplyKey;
        if (realAddressArrival >= 0
            && !classifier.PermitInbound(realAddressArrival, TupleOf(in info, info.SourceAddress, key.SourcePort, other.Source, other.SourcePort)))
        {
            // The source stays as it arrived: it is the sender's real address on its own side.
            RemoveFlow(index, now);
            return CountDrop(DropReason.AclDeniedInbound, side);
        }

        if (checkAcls)
        {
            var exitSide = side == FlowSide.Inside ? FlowSide.Outside : FlowSide.Inside;
            var exit = _interfaces.For(exitSide, exitSide == FlowSide.Inside ? other.Source : other.Destination);
            if (exit >= 0 && (newFlow || program.Interfaces[exit].AclMode == AclMode.PerPacket) && !classifier.PermitOutbound(exit, TupleOf(in info, other.Destination, other.DestinationPort, other.Source, other.SourcePort)))
            {
                if (newFlow)
                {
                    RemoveFlow(index, now);
                }

                return CountDrop(DropReason.AclDeniedOutbound, side);
            }
        }

        if (other.Destination != info.SourceAddress || other.Source != info.DestinationAddress
            || other.DestinationPort != KeyPort(in info, info.SourcePort) || other.SourcePort != KeyPort(in info, info.DestinationPort))
        {
            PacketRewriter.RewriteIpv4(packet.Span, ref info, other.Destination, other.DestinationPort, other.Source, other.SourcePort);
            PacketsTranslated++;
        }

        var algDrop = _algStage is null ? DropReason.None : _algStage.Inspect(this, ref packet, ref info, ref flow, _flows.IdOf(index), isReply, side, now);
        if (algDrop != DropReason.None)
        {
            return CountDrop(algDrop, side);
        }

        return new NatVerdict(NatAction.Forward, DropReason.None, _flows.IdOf(index), isReply, side);
    }

    /// <summary>Opens a pinhole for an ALG; false (counted) when the expectation table is full.</summary>
    public bool TryOpenPinhole(in ExpectationSpec spec, long now, out int handle)
    {
        if (_expectations.TryAdd(spec, now, out handle))
        {
            return true;
        }

        Drops.Increment(DropReason.ExpectationTableFull);
        return false;
    }

    /// <summary>Removes flows, pinholes and fragments whose time is up; <see cref="Process(ref PacketBuffer, LinkType, long, IngressSide)"/> calls it once a second of packet time.</summary>
    public void ExpireState(long now)
    {
        while (_flows.TryTakeExpired(now, out var index))
        {
            RemoveFlow(index, now);
            FlowsExpired++;
        }

        if (_reservedMappings > 0)
        {
            ReleaseExpiredReservations(now);
        }

        _expectations.RemoveExpired(now);
        var timedOut = _fragments.ExpireOld(now);
        if (timedOut > 0)
        {
            Drops.Add(DropReason.FragmentTimeout, timedOut);
        }
    }

    private static PacketTuple TupleOf(in PacketInfo info, uint source, ushort sourcePort, uint destination, ushort destinationPort) =>
        new(source, destination, sourcePort, destinationPort, info.Protocol, (info.TcpFlags & (TcpFlags.Ack | TcpFlags.Rst)) != 0);

    /// <summary>
    /// Applies a new policy between two packets: rules, timers, behaviour and ACL mode change; flows,
    /// mappings and pinholes stay. The caller swaps the classifier source to the same policy's program.
    /// </summary>
    public void Reconfigure(PolicyModel policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _rules = new NatRuleSet(policy);
        _timeouts = new NatTimeouts(policy.Timeouts);
        _behavior = policy.Behavior;
        _interfaces = new InterfaceSelector(policy);
        foreach (var rule in _rules.RuleArray)
        {
            if (rule.Kind == NatRuleKind.StaticPort)
            {
                AllocatorFor(rule.TargetAddresses[0].First.Value, rule.Protocol).TryTake(rule.MappedPort, 0);
            }
        }
    }

    private static ushort KeyPort(in PacketInfo info, ushort port) => (info.Flags & PacketFlags.HasPorts) != 0 ? port : (ushort)0;

    private static FlowKey KeyOf(in PacketInfo info, FlowSide side) =>
        new(info.SourceAddress, info.DestinationAddress, KeyPort(in info, info.SourcePort), KeyPort(in info, info.DestinationPort), info.Protocol, side);

    private FlowSide ResolveSide(in PacketInfo info, IngressSide ingress)
    {
        if (ingress != IngressSide.Auto)
        {
            return ingress == IngressSide.Inside ? FlowSide.Inside : FlowSide.Outside;
        }

        if (!_rules.IsOwned(info.DestinationAddress))
        {
            return FlowSide.Inside;
        }

        // An inside host talking to a mapped address is hairpinning (RFC 4787 REQ-9), not an outside arrival.
        return _behavior.Hairpinning && _rules.IsInsideAddress(info.SourceAddress) ? FlowSide.Inside : FlowSide.Outside;
    }

    private NatVerdict CountDrop(DropReason reason, FlowSide side)
    {
        Drops.Increment(reason);
        return NatVerdict.Drop(reason, side);
    }

    private static long NowSecond(long now) => now / FlowTable.TickNanoseconds;
}
