using System.Runtime.CompilerServices;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;
using Alg.Runtime.Reassembly;

namespace Alg.Runtime.Nat;

/// <summary>
/// The steps of the pipeline (<see cref="PipelineStepKind"/>) as the runtime carries them out. Engines call them in
/// their IR's order — the interpreter by walking the plan, the compiled class as straight-line code — and answer the
/// policy's questions between them (ACL verdicts, the NAT rule a new flow takes and its action); the flow, mapping and
/// pinhole state stays here, so it survives every swap of engine.
/// </summary>
/// <remarks>A step that ends the walk returns false and leaves the verdict in <see cref="PacketWalk.Verdict"/>.
/// New-flow steps do nothing for a packet of a known flow.</remarks>
public sealed partial class NatEngine
{
    /// <summary>Everything before policy: drops the decoder found, non-IPv4, timers, fragment reassembly, the side
    /// guess, ICMP errors (translated with the flow they quote). False when the walk is already over.</summary>
    /// <remarks>A whole IPv4 packet in the current second of packet time — nearly every packet — takes the short way.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Prepare(ref PacketWalk walk)
    {
        ref var info = ref walk.Info;
        if (info.IsDropped || (info.Flags & (PacketFlags.NotIp | PacketFlags.Ipv6 | PacketFlags.Fragment | PacketFlags.IcmpError)) != 0
            || walk.Now / FlowTable.TickNanoseconds != _lastExpiryTick)
        {
            return PrepareFully(ref walk);
        }

        walk.Side = ResolveSide(in info, walk.Ingress);
        walk.Key = KeyOf(in info, walk.Side);
        return true;
    }

    private bool PrepareFully(ref PacketWalk walk)
    {
        ref var info = ref walk.Info;
        if (info.IsDropped)
        {
            return End(ref walk, CountDrop(info.DropReason, FlowSide.Inside));
        }

        if ((info.Flags & (PacketFlags.NotIp | PacketFlags.Ipv6)) != 0)
        {
            return End(ref walk, NatVerdict.ForwardUntracked);
        }

        var tick = walk.Now / FlowTable.TickNanoseconds;
        if (tick != _lastExpiryTick)
        {
            _lastExpiryTick = tick;
            ExpireState(walk.Now);
        }

        if ((info.Flags & PacketFlags.Fragment) != 0)
        {
            // RFC 4787 REQ-14: fragments in any order are translated once their datagram is whole.
            var outcome = _fragments.Add(walk.Packet.Span[info.NetworkOffset..info.PacketEnd], info, walk.Now, _reassembled);
            if (outcome.Status == FragmentStatus.Held)
            {
                return End(ref walk, NatVerdict.Held);
            }

            if (outcome.Status == FragmentStatus.Dropped)
            {
                return End(ref walk, CountDrop(outcome.Reason, FlowSide.Inside));
            }

            if (!walk.Packet.TryResize(info.NetworkOffset + outcome.Length))
            {
                return End(ref walk, CountDrop(DropReason.BufferTooSmall, FlowSide.Inside));
            }

            _reassembled.AsSpan(0, outcome.Length).CopyTo(walk.Packet.Span[info.NetworkOffset..]);
            if (!PacketDecoder.Decode(walk.Packet.Span, info.LinkType, out info))
            {
                return End(ref walk, CountDrop(info.DropReason, FlowSide.Inside));
            }

            info.Flags |= PacketFlags.Reassembled;
        }

        walk.Side = ResolveSide(in info, walk.Ingress);
        if ((info.Flags & PacketFlags.IcmpError) != 0)
        {
            return End(ref walk, ProcessIcmpError(walk.Packet.Span, ref info, walk.Side, walk.Ingress));
        }

        walk.Key = KeyOf(in info, walk.Side);
        return true;
    }

    /// <summary><see cref="PipelineStepKind.FlowLookup"/>, the runtime's first step of every plan: the packet's flow,
    /// trying the other side's key when the side was guessed (an untranslated flow's reply is not addressed to us, so the
    /// guess differs from the flow's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LookupFlow(ref PacketWalk walk)
    {
        walk.Index = _flows.Find(walk.Key, out walk.IsReply);
        if (walk.Index < 0)
        {
            LookupFurther(ref walk);
        }

        walk.IsNew = walk.Index < 0;
        walk.CheckAcls = _program.HasAcls && (walk.IsNew || _program.HasPerPacketAcls);
    }

    /// <summary>The lookup's second chances: the other side when the side was guessed, and for enhanced GRE that is no
    /// PPTP call's tunnel the flow of its addresses. A GRE packet no flow knows starts a flow of its addresses, as GRE
    /// did before call ids were read: only the PPTP ALG makes flows that a call id finds.</summary>
    private void LookupFurther(ref PacketWalk walk)
    {
        if (TryKey(ref walk, KeyOf(in walk.Info, walk.Side)))
        {
            return;
        }

        if ((walk.Info.Flags & PacketFlags.EnhancedGre) != 0 && walk.Info.Protocol == IpProtocol.Gre)
        {
            var guessed = walk.Side;
            if (!TryKey(ref walk, AddressOnlyKey(in walk.Info, guessed)))
            {
                walk.Side = guessed;
                walk.Key = AddressOnlyKey(in walk.Info, guessed);
            }
        }
    }

    /// <summary>Finds the flow by a key made for the guessed side (the first try already used it when it is the walk's
    /// key) and, when the side was guessed, for the other side; on a find the walk takes that key and side.</summary>
    private bool TryKey(ref PacketWalk walk, in FlowKey key)
    {
        if (!key.Equals(walk.Key))
        {
            walk.Index = _flows.Find(key, out walk.IsReply);
            if (walk.Index >= 0)
            {
                walk.Key = key;
                return true;
            }
        }

        if (walk.Ingress != IngressSide.Auto)
        {
            return false;
        }

        var otherSide = key.Side == FlowSide.Inside ? FlowSide.Outside : FlowSide.Inside;
        var other = new FlowKey(key.Source, key.Destination, key.SourcePort, key.DestinationPort, key.Protocol, otherSide);
        walk.Index = _flows.Find(other, out walk.IsReply);
        if (walk.Index < 0)
        {
            return false;
        }

        walk.Side = otherSide;
        walk.Key = other;
        return true;
    }

    /// <summary>
    /// <see cref="PipelineStepKind.InboundAcl"/>: the arrival interface whose inbound ACL this packet must pass now, or
    /// -1. Stateful interfaces check only the packet that opens a connection, and let a connection an ALG announced
    /// past (its pinhole, with its own checks, is the permission: ASA inspection, Junos/ScreenOS ALG gates); an ACL
    /// that names real addresses waits for <see cref="PipelineStepKind.RealAddressAcl"/>.
    /// </summary>
    public int InboundAclInterface(ref PacketWalk walk)
    {
        if (!walk.CheckAcls)
        {
            return -1;
        }

        var side = walk.Side;
        var arrival = _program.InterfaceSelector.For(side, side == FlowSide.Inside ? walk.Info.SourceAddress : walk.Info.DestinationAddress);
        if (arrival < 0)
        {
            return -1;
        }

        var plan = _program.Interfaces[arrival];
        if (plan.InboundAclId < 0 || (!walk.IsNew && plan.AclMode != AclMode.PerPacket))
        {
            return -1;
        }

        if (walk.IsNew && plan.AclMode == AclMode.PerNewConnection && _expectations.Count > 0 && _expectations.Expects(PinholeKeyOf(in walk.Key), walk.Now, this))
        {
            return -1;
        }

        if (walk.IsNew && plan.InboundAclMatchesRealAddresses)
        {
            walk.DeferredAclInterface = arrival;
            return -1;
        }

        return arrival;
    }

    /// <summary>Ends the walk with a drop an ACL decided; a flow this packet was creating goes with it.</summary>
    public bool Deny(ref PacketWalk walk, DropReason reason)
    {
        if (walk.IsNew && walk.Index >= 0)
        {
            RemoveFlow(walk.Index, walk.Now);
        }

        return End(ref walk, CountDrop(reason, walk.Side));
    }

    /// <summary><see cref="PipelineStepKind.NatRuleSelection"/>, first half: may this inside host open another flow?
    /// (RFC 6888 REQ-5/REQ-11: refuse new state at a limit; never make room by deleting live state.)</summary>
    public bool AdmitInsideFlow(ref PacketWalk walk)
    {
        var reason = DropReason.None;
        walk.MappedAddress = walk.Info.SourceAddress;
        walk.MappedPort = walk.NatSourcePort;
        return CheckLimits(walk.Info.SourceAddress, out walk.HostLimit, ref reason) || End(ref walk, CountDrop(reason, walk.Side));
    }

    /// <summary><see cref="PipelineStepKind.NatRuleSelection"/>, second half, as the interpreter does it: carry out the
    /// selected rule's action (port forward or static: a fixed global endpoint; dynamic: a mapping from its pool).</summary>
    public bool ApplyNatRule(ref PacketWalk walk, int ruleId)
    {
        if (ruleId < 0)
        {
            return true;
        }

        var reason = DropReason.None;
        return ApplyRuleAction(_program.NatRules[ruleId], in walk.Info, walk.NatSourcePort, walk.NatDestinationPort, 0, walk.Now,
                   ref walk.MappedAddress, ref walk.MappedPort, out walk.MappingIndex, ref reason)
               || End(ref walk, CountDrop(reason, walk.Side));
    }

    /// <summary>A dynamic rule's action: the new flow's mapping, shared per the mapping behaviour, or a new one from
    /// the rule's addresses (ports exhausted or the table full end the walk).</summary>
    public bool AllocateMapping(ref PacketWalk walk, int ruleId)
    {
        var reason = DropReason.None;
        if (AllocateMapping(_program.NatRules[ruleId], in walk.Info, walk.NatSourcePort, walk.NatDestinationPort, 0, walk.Now,
                out walk.MappedAddress, out walk.MappedPort, out walk.MappingIndex, ref reason))
        {
            return true;
        }

        return End(ref walk, CountDrop(reason, walk.Side));
    }

    /// <summary><see cref="PipelineStepKind.PinholeMatch"/>: an ALG's pinhole that expects this new flow decides where it
    /// goes (from inside: the peer's endpoint the ALG announced; from outside: the inside host that asked).</summary>
    public void MatchPinhole(ref PacketWalk walk)
    {
        if (!walk.IsNew || _expectations.Count == 0 || !_expectations.TryMatch(PinholeKeyOf(in walk.Key), walk.Now, this, out var expected))
        {
            return;
        }

        walk.FromPinhole = true;
        walk.Destination = expected.TranslatedAddress;
        walk.DestinationPort = expected.TranslatedPort;
        walk.PinholeMaster = expected.Master;
        walk.PinholeGroup = expected.Group;
        walk.InspectedBy = expected.InspectedBy;
    }

    /// <summary>New flow from outside: only a TCP SYN may open state. An ACK or RST here belongs to no connection we know,
    /// and letting it in would let anyone fill the table with "established" entries (cf. RFC 5382 REQ-4).</summary>
    public bool AdmitOutsideOpener(ref PacketWalk walk)
    {
        if (walk.Info.Protocol == IpProtocol.Tcp && (walk.Info.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Rst)) != TcpFlags.Syn)
        {
            return End(ref walk, CountDrop(DropReason.UnsolicitedTcpWithoutSyn, walk.Side));
        }

        return true;
    }

    /// <summary><see cref="PipelineStepKind.InboundTranslation"/> as the interpreter does it: port forwards and static
    /// mappings in rule order, then a live dynamic mapping its filtering lets this sender reach.</summary>
    public bool TranslateInbound(ref PacketWalk walk)
    {
        if (!walk.IsNew || walk.FromPinhole)
        {
            return true;
        }

        var reason = DropReason.None;
        return ResolveInbound(walk.Info.Protocol, walk.Info.DestinationAddress, walk.NatDestinationPort, walk.Info.SourceAddress, walk.NatSourcePort, walk.HasPorts,
                   out walk.Destination, out walk.DestinationPort, out walk.MappingIndex, ref reason)
               || End(ref walk, CountDrop(reason, walk.Side));
    }

    /// <summary>The compiled engine's inbound translation after its port forwards and statics (code over constants)
    /// found nothing: a live dynamic mapping.</summary>
    public bool TranslateInboundDynamic(ref PacketWalk walk)
    {
        var reason = DropReason.None;
        return ResolveDynamicInbound(walk.Info.Protocol, walk.Info.DestinationAddress, walk.NatDestinationPort, walk.Info.SourceAddress, walk.NatSourcePort, walk.HasPorts,
                   out walk.Destination, out walk.DestinationPort, out walk.MappingIndex, ref reason)
               || End(ref walk, CountDrop(reason, walk.Side));
    }

    /// <summary><see cref="PipelineStepKind.CreateFlow"/>: the new flow recorded with its translation and mapping.</summary>
    public bool CreateFlow(ref PacketWalk walk)
    {
        if (!walk.IsNew)
        {
            return true;
        }

        var reason = DropReason.None;
        var index = walk.Side == FlowSide.Inside ? CreateFromInside(ref walk, ref reason) : CreateFromOutside(ref walk, ref reason);
        if (index < 0)
        {
            return End(ref walk, CountDrop(reason, walk.Side));
        }

        walk.Index = index;
        walk.IsReply = false;
        return true;
    }

    /// <summary><see cref="PipelineStepKind.TrackConnection"/>: TCP state and the idle timer the state gives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Track(ref PacketWalk walk)
    {
        ref var flow = ref _flows[walk.Index];
        if (walk.Info.Protocol == IpProtocol.Tcp)
        {
            TrackTcp(ref flow, walk.Info.TcpFlags, walk.IsReply);
        }

        var timeout = flow.IdleSeconds != 0 ? flow.IdleSeconds * NatTimeouts.Second : _timeouts.For(walk.Info.Protocol, flow.TcpState, flow.OriginalKey.DestinationPort);
        _flows.Refresh(walk.Index, timeout == NatTimeouts.Never ? long.MaxValue : walk.Now + timeout, walk.Now);
    }

    /// <summary><see cref="PipelineStepKind.RealAddressAcl"/>: the interface whose ACL names real addresses and waits for
    /// this new flow's un-NAT destination, or -1; the tuple to check is <see cref="RealAddressTuple"/>.</summary>
    public int RealAddressAclInterface(ref PacketWalk walk) => walk.IsNew ? walk.DeferredAclInterface : -1;

    /// <summary>The packet as an ACL naming real addresses sees it: the source as it arrived (the sender's real address on
    /// its own side), the destination after un-NAT.</summary>
    public PacketTuple RealAddressTuple(ref PacketWalk walk)
    {
        ref readonly var other = ref OtherKey(ref walk);
        return TupleOf(in walk.Info, walk.Info.SourceAddress, walk.Key.SourcePort, other.Source, other.SourcePort);
    }

    /// <summary><see cref="PipelineStepKind.OutboundAcl"/>: the exit interface whose outbound ACL this packet must pass
    /// now, or -1; the tuple to check is <see cref="ExitTuple"/>.</summary>
    public int OutboundAclInterface(ref PacketWalk walk)
    {
        if (!walk.CheckAcls)
        {
            return -1;
        }

        ref readonly var other = ref OtherKey(ref walk);
        var exitSide = walk.Side == FlowSide.Inside ? FlowSide.Outside : FlowSide.Inside;
        var exit = _program.InterfaceSelector.For(exitSide, exitSide == FlowSide.Inside ? other.Source : other.Destination);
        if (exit < 0)
        {
            return -1;
        }

        var plan = _program.Interfaces[exit];
        return plan.OutboundAclId >= 0 && (walk.IsNew || plan.AclMode == AclMode.PerPacket) ? exit : -1;
    }

    /// <summary>The packet as it leaves: the reverse of the other direction's tuple.</summary>
    public PacketTuple ExitTuple(ref PacketWalk walk)
    {
        ref readonly var other = ref OtherKey(ref walk);
        return TupleOf(in walk.Info, other.Destination, other.DestinationPort, other.Source, other.SourcePort);
    }

    /// <summary><see cref="PipelineStepKind.Translate"/>: the packet leaves as the reverse of the other direction's tuple.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Translate(ref PacketWalk walk)
    {
        ref readonly var other = ref OtherKey(ref walk);
        ref var info = ref walk.Info;
        if ((info.Flags & PacketFlags.HasPorts) != 0)
        {
            if (other.Destination != info.SourceAddress || other.Source != info.DestinationAddress
                || other.DestinationPort != info.SourcePort || other.SourcePort != info.DestinationPort)
            {
                PacketRewriter.RewriteIpv4(walk.Packet.Span, ref info, other.Destination, other.DestinationPort, other.Source, other.SourcePort);
                PacketsTranslated++;
            }
        }
        else
        {
            TranslateWithoutPorts(ref walk, in other);
        }
    }

    /// <summary>Addresses only: nothing inside ESP changes (RFC 3948 §1: its integrity covers no IP header), and a GRE
    /// packet going to the inside host of a PPTP call whose call id was translated gets that host's own call id back in
    /// its key (RFC 2637 §4.1). Enhanced GRE has no checksum to fix (RFC 2637 §4.1: C is 0).</summary>
    private void TranslateWithoutPorts(ref PacketWalk walk, in FlowKey other)
    {
        ref var info = ref walk.Info;
        var translated = false;
        if (other.Destination != info.SourceAddress || other.Source != info.DestinationAddress)
        {
            PacketRewriter.RewriteIpv4(walk.Packet.Span, ref info, other.Destination, 0, other.Source, 0);
            translated = true;
        }

        ref var flow = ref _flows[walk.Index];
        if (flow.RewritesGreKey && walk.Side == FlowSide.Outside && (info.Flags & PacketFlags.EnhancedGre) != 0 && info.GreCallId != flow.InsideKey)
        {
            PacketRewriter.RewriteGreCallId(walk.Packet.Span, ref info, flow.InsideKey);
            translated = true;
        }

        if (translated)
        {
            PacketsTranslated++;
        }
    }

    /// <summary><see cref="PipelineStepKind.AlgDispatch"/>: the flow's ALG reads (and may rewrite) the payload; the
    /// engine answers which ALG owns a service port.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool InspectAlg(ref PacketWalk walk, IPipelineEngine engine)
    {
        if (_algStage is null)
        {
            return true;
        }

        // An ALG reserving a mapping asks the engine walking this packet which NAT rule applies.
        _walkingEngine = engine;
        ref var flow = ref _flows[walk.Index];
        var drop = _algStage.Inspect(this, engine, ref walk.Packet, ref walk.Info, ref flow, _flows.IdOf(walk.Index), walk.IsReply, walk.Side, walk.Now);
        return drop == DropReason.None || End(ref walk, CountDrop(drop, walk.Side));
    }

    /// <summary>The end of a walk every step let through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NatVerdict Forward(ref PacketWalk walk) => new(NatAction.Forward, DropReason.None, _flows.IdOf(walk.Index), walk.IsReply, walk.Side);

    private ref readonly FlowKey OtherKey(ref PacketWalk walk)
    {
        ref var flow = ref _flows[walk.Index];
        return ref walk.IsReply ? ref flow.OriginalKey : ref flow.ReplyKey;
    }

    private static bool End(ref PacketWalk walk, NatVerdict verdict)
    {
        walk.Outcome = verdict;
        return false;
    }
}
