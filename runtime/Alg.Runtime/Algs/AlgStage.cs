using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;
using Alg.Runtime.Reassembly;

namespace Alg.Runtime.Algs;

/// <summary>
/// Runs the enabled ALGs inside <see cref="NatEngine.Process(ref PacketBuffer, ref PacketInfo, long, IngressSide)"/>:
/// picks the flow's ALG by its service port, gives it the payload (UDP) or in-order stream bytes (TCP), applies
/// the rewrites it asks for with <see cref="PayloadEditor"/>, keeps TCP seq/ack shifted after length changes
/// (RFC 2663 §7.1) and opens the pinholes it asks for with <see cref="NatEngine.TryOpenPinhole"/>.
/// </summary>
/// <remarks>
/// <para>Dispatch: the walking engine's <c>DispatchAlg</c> over the lowered IR's enabled ALGs (a constant switch in
/// the compiled engine); plans, their typed settings and ports come from the program (<see cref="Reconfigure"/>). The service
/// port is the responder's real port (<see cref="FlowEntry.ReplyKey"/>'s source port), so a client's ephemeral
/// port never selects an ALG. A flow created by a pinhole is dispatched by its service port only (the master's ALG
/// already saw the signalling that announced it), unless the pinhole names the ALG that inspects it
/// (<see cref="ExpectationSpec.InspectedBy"/>: an H.245 channel, a TNS redirect).</para>
/// <para>Allocation: output buffers are owned here and reused; a packet of a known flow allocates nothing. A new
/// TCP flow of an ALG gets its stream state once.</para>
/// <para>One stage per engine (per worker thread); not thread-safe.</para>
/// </remarks>
public sealed class AlgStage
{
    private readonly Dictionary<string, IAlgHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AlgCounters> _counters = new(StringComparer.OrdinalIgnoreCase);
    private AlgPlanEntry?[] _plans = [];
    private IPipelineEngine _dispatcher;
    private IPipelineEngine _walking;
    private readonly Dictionary<FlowId, AlgFlowState> _states = [];
    private readonly Dictionary<FlowId, AlgAssignment> _assigned = [];
    private readonly AlgRewrite[] _rewrites;
    private readonly byte[] _scratch;
    private readonly AlgPinholeRequest[] _pinholes;
    private readonly AlgGroupCommand[] _groupCommands;
    private readonly AlgTunnelRequest[] _tunnels;
    private readonly AlgStageOptions _options;
    private readonly ReassemblyBudget _budget;
    private long _lastSweepTick = long.MinValue;

    /// <param name="handlers">ALG implementations by <see cref="AlgDescriptor.Name"/> (e.g. <c>StandardAlgs.CreateHandlers()</c>).</param>
    /// <param name="program">The lowered configuration: its enabled ALGs with their options, their ports and the timers.</param>
    public AlgStage(IEnumerable<IAlgHandler> handlers, PipelineProgram program, AlgStageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(program);
        _options = options ?? new AlgStageOptions();
        _rewrites = new AlgRewrite[_options.MaxRewrites];
        _scratch = new byte[_options.ScratchBytes];
        _pinholes = new AlgPinholeRequest[_options.MaxPinholes];
        _groupCommands = new AlgGroupCommand[_options.MaxPinholes];
        _tunnels = new AlgTunnelRequest[_options.MaxPinholes];
        _budget = new ReassemblyBudget(_options.StreamBudgetBytes);
        foreach (var handler in handlers)
        {
            _handlers[handler.Descriptor.Name] = handler;
        }

        _dispatcher = new PipelineInterpreter(program);
        _walking = _dispatcher;
        Reconfigure(program);
    }

    /// <summary>
    /// Applies a new configuration between two packets (with the engine's program swap): plans, ports, options and
    /// their typed settings change; flows keep their ALG state. A TCP connection whose ALG is no longer enabled is no
    /// longer inspected but keeps its seq/ack shift (RFC 2663 §7.1), or the connection would break. Counters carry
    /// over by ALG name.
    /// </summary>
    /// <remarks>Builds every ALG's settings (allocates): call it before the program is installed, off the packet path
    /// where the host allows; a packet meanwhile is inspected with the plans it finds.</remarks>
    public void Reconfigure(PipelineProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var algs = program.Algs;
        var plans = new AlgPlanEntry?[algs.IsDefaultOrEmpty ? 0 : algs.Max(a => a.Id) + 1];
        foreach (var plan in algs)
        {
            plans[plan.Id] = Entry(plan.Id, plan.Name, plan.Options, program.Timeouts);
        }

        _plans = plans;
        _dispatcher = new PipelineInterpreter(program);
        foreach (var state in _states.Values)
        {
            // A flow stays with its ALG only while the new configuration still gives its service port to that ALG
            // (`no ip nat service sip udp port 5060` ends the inspection of existing UDP SIP flows too).
            var id = state.Assigned ? PlanIdOf(state.Plan.OwnerTag) : DispatchOf(_dispatcher, state.Protocol, state.ServicePort);
            var current = (uint)id < (uint)plans.Length && plans[id] is { Handler: not null } plan && string.Equals(plan.Name, state.Plan.Name, StringComparison.OrdinalIgnoreCase) ? plan : null;
            if (current is null)
            {
                state.Stopped = true;
                state.Release();
            }
            else
            {
                state.Plan = current;
                if (state.Streams is null)
                {
                    // A datagram flow whose ALG comes back is read again from its next datagram: each one stands
                    // alone. A stream cannot resume: nothing says where the next message starts.
                    state.Stopped = false;
                }
            }
        }
    }

    private AlgPlanEntry Entry(int id, string name, ImmutableSortedDictionary<string, AlgOptionValue> options, NatTimeouts timeouts)
    {
        if (!_counters.TryGetValue(name, out var counters))
        {
            counters = new AlgCounters();
            _counters[name] = counters;
        }

        // Typed settings are built here, once per configuration, so no ALG looks an option up by name per packet.
        var handler = _handlers.GetValueOrDefault(name);
        var settings = handler?.CreateSettings(new AlgSettingsSource(handler.Descriptor, options, timeouts));
        return new AlgPlanEntry(id, name, handler, settings, counters);
    }

    /// <summary>The enabled ALGs by plan id (null where the IR has a gap).</summary>
    public IReadOnlyList<AlgPlanEntry?> Plans => _plans;

    /// <summary>Enabled ALGs that have no registered implementation: their flows pass uninspected.</summary>
    public IEnumerable<string> Unhandled => _plans.Where(p => p is { Handler: null }).Select(p => p!.Name);

    /// <summary>ALG flows that currently hold state on the stage (TCP streams, sessions).</summary>
    public int TrackedFlows => _states.Count;

    /// <summary>Counters of an ALG enabled on this stage now or before a reconfiguration, by canonical name.</summary>
    public AlgCounters CountersFor(string name) =>
        _counters.TryGetValue(name, out var counters) ? counters : throw new KeyNotFoundException($"ALG '{name}' was never enabled on this stage");

    /// <summary>The enabled ALG for a transport port, by plan id, or -1 (outside a packet: the installed program's answer).</summary>
    public int Dispatch(byte protocol, ushort port) => DispatchOf(_dispatcher, protocol, port);

    /// <summary>
    /// The ALG of a flow by its protocol and service port. Beyond TCP and UDP an ALG may take a whole IP protocol
    /// (port 0 in its binding: SCTP inspection), asked when no ALG has the service port itself; TCP and UDP port 0 is
    /// never a service.
    /// </summary>
    private static int DispatchOf(IPipelineEngine engine, byte protocol, ushort port)
    {
        var id = engine.DispatchAlg(protocol, port);
        return id >= 0 || protocol is IpProtocol.Tcp or IpProtocol.Udp || port == 0 ? id : engine.DispatchAlg(protocol, 0);
    }

    /// <summary>Called by the engine when a pinhole that names its inspector (<see cref="ExpectationSpec.InspectedBy"/>)
    /// creates a flow; the flow's first packet, inspected next, takes it on.</summary>
    internal void AssignInspector(FlowId flow, in AlgAssignment assignment) => _assigned[flow] = assignment;

    /// <summary>The plan id of the enabled ALG with this owner tag, or -1.</summary>
    private int PlanIdOf(int ownerTag)
    {
        var plans = _plans;
        for (var i = 0; i < plans.Length; i++)
        {
            if (plans[i] is { Handler: not null } plan && plan.OwnerTag == ownerTag)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The engine's hook: inspects one translated packet of a known flow.</summary>
    /// <returns><see cref="DropReason.None"/> to forward (possibly edited), or why the packet must be dropped
    /// (an edit that does not fit the buffer or IP length).</returns>
    internal DropReason Inspect(NatEngine engine, IPipelineEngine walking, ref PacketBuffer packet, ref PacketInfo info, ref FlowEntry flow, FlowId id, bool isReply, FlowSide side, long now)
    {
        _walking = walking;
        var tick = now / FlowTable.TickNanoseconds;
        if (tick != _lastSweepTick)
        {
            _lastSweepTick = tick;
            Sweep(engine);
        }

        if ((flow.Flags & FlowEntryFlags.FromExpectation) != 0)
        {
            // A pinhole flow keeps the mapping it was addressed to alive. Media and data flows carry nothing an ALG
            // reads; a signalling flow a registration let in (a SIP INVITE to a registered phone) does, and is
            // dispatched by its service port like any other.
            if (flow.MappingIndex < 0 && flow.Initiator == FlowSide.Outside)
            {
                engine.AdoptMappingOfPinholeFlow(id.Index);
            }

            if ((flow.Flags & (FlowEntryFlags.AlgState | FlowEntryFlags.InspectorAssigned)) == 0 && DispatchOf(walking, info.Protocol, flow.ReplyKey.SourcePort) < 0)
            {
                return DropReason.None;
            }
        }

        // ICMP's identifier is no service port.
        if ((info.Flags & PacketFlags.IcmpQuery) != 0)
        {
            return DropReason.None;
        }

        // A flow with state stays with the ALG that has it, whatever a reconfiguration did to the port map.
        if ((flow.Flags & FlowEntryFlags.AlgState) != 0 && _states.TryGetValue(id, out var held))
        {
            if (held.Dropping)
            {
                held.Plan.Counters.PolicyDrops++;
                return DropReason.AlgPolicyViolation;
            }

            return info.Protocol == IpProtocol.Tcp
                ? InspectSegment(engine, ref packet, ref info, held.Plan.Handler!, held.Plan, held, in flow, id, isReply, side, now)
                : InspectDatagram(engine, ref packet, ref info, held.Plan.Handler!, held.Plan, ContextOf(engine, in flow, id, isReply, side, held.Plan, now, held.Session, 0, 0, in info), now, held);
        }

        // Any IP protocol may have an ALG (SCTP inspection takes the whole protocol); one without ports has no service
        // port, so only a pinhole naming its inspector gives it one.
        if ((info.Flags & PacketFlags.HasPorts) == 0 && (flow.Flags & FlowEntryFlags.InspectorAssigned) == 0)
        {
            return DropReason.None;
        }

        var assigned = (flow.Flags & FlowEntryFlags.InspectorAssigned) != 0;
        var admission = default(AlgAssignment);
        int planId;
        if (assigned)
        {
            // The pinhole named its inspector; an ALG no longer enabled leaves the flow uninspected.
            flow.Flags &= ~FlowEntryFlags.InspectorAssigned;
            planId = _assigned.Remove(id, out admission) ? PlanIdOf(admission.OwnerTag) : -1;
        }
        else
        {
            planId = DispatchOf(walking, info.Protocol, flow.ReplyKey.SourcePort);
        }

        if ((uint)planId >= (uint)_plans.Length || _plans[planId] is not { Handler: { } handler } plan)
        {
            return DropReason.None;
        }

        if (!_states.TryGetValue(id, out var state))
        {
            var fresh = ContextOf(engine, in flow, id, isReply, side, plan, now, null, 0, 0, in info);
            var session = handler.CreateSession(in fresh);
            if (session is null && info.Protocol == IpProtocol.Udp && !assigned)
            {
                // Stateless over UDP (TFTP): nothing is stored, so such flows cost the stage nothing. An assigned flow
                // is stored: its ports would not find its ALG again.
                return InspectDatagram(engine, ref packet, ref info, handler, plan, in fresh, now, null);
            }

            state = new AlgFlowState(plan, session, info.Protocol, flow.ReplyKey.SourcePort, assigned, _options.StreamCapacity, _budget)
            {
                AdmittedBy = admission.AdmittedBy,
                AdmittedGroup = admission.Group,
            };
            _states[id] = state;
            flow.Flags |= FlowEntryFlags.AlgState;
        }

        if (info.Protocol == IpProtocol.Tcp)
        {
            return InspectSegment(engine, ref packet, ref info, handler, plan, state, in flow, id, isReply, side, now);
        }

        var context = ContextOf(engine, in flow, id, isReply, side, plan, now, state.Session, 0, 0, in info);
        return InspectDatagram(engine, ref packet, ref info, handler, plan, in context, now, state);
    }

    /// <summary>A UDP datagram's payload, or for any other protocol but TCP the whole datagram from its transport header
    /// (SCTP's common header and chunks: the verification tag is what an SCTP inspector checks); rewrites may only fall
    /// after the header.</summary>
    private DropReason InspectDatagram(NatEngine engine, ref PacketBuffer packet, ref PacketInfo info, IAlgHandler handler, AlgPlanEntry plan, in AlgFlowContext context, long now, AlgFlowState? state)
    {
        if (state is { Stopped: true })
        {
            return DropReason.None;
        }

        var start = info.Protocol == IpProtocol.Udp ? info.PayloadOffset : info.TransportOffset;
        var output = new AlgOutput(_rewrites, _scratch, _pinholes, _groupCommands, _tunnels);
        if (!TryInspect(handler, plan, in context, packet.Span[start..info.PacketEnd], ref output))
        {
            return DropReason.None;
        }

        var reason = Apply(engine, ref packet, ref info, plan, ref output, in context, 0, start, info.PacketEnd - start, now, out _, out _, state);
        if (output.DropConnection && state is not null)
        {
            state.Dropping = true;
        }

        return reason;
    }

    private DropReason InspectSegment(NatEngine engine, ref PacketBuffer packet, ref PacketInfo info, IAlgHandler handler, AlgPlanEntry plan, AlgFlowState state, in FlowEntry flow, FlowId id, bool isReply, FlowSide side, long now)
    {
        var direction = isReply ? 1 : 0;
        var stream = state.Streams![direction];
        var sequence = info.TcpSequence;
        var reason = DropReason.None;
        if ((info.TcpFlags & TcpFlags.Syn) != 0)
        {
            // RFC 9293 §3.4: data starts after the SYN, which takes one sequence number.
            stream.Initialize(sequence + 1);
            sequence++;
        }

        var payloadLength = info.PayloadLength;
        if (!state.Stopped && payloadLength > 0)
        {
            if (state.SentEdits[direction] is { } sent)
            {
                // Bytes already sent translated and sent again by the peer (all of this segment, or its old start).
                var replay = sent.Replay(ref packet, ref info, sequence, info.PayloadOffset, payloadLength, out var replayed);
                if (replay != DropReason.None)
                {
                    return replay;
                }

                plan.Counters.RetransmissionsRetranslated += replayed > 0 ? 1 : 0;
            }

            var result = stream.Accept(sequence, packet.Span.Slice(info.PayloadOffset, payloadLength));
            if (result.Status == StreamSegmentStatus.Dropped)
            {
                plan.Counters.StreamErrors++;
            }
            else if (result.Status == StreamSegmentStatus.InOrder)
            {
                reason = InspectInOrder(engine, ref packet, ref info, handler, plan, state, in flow, id, isReply, side, now, stream, direction, sequence);
            }
            else if (result.Status == StreamSegmentStatus.Duplicate && state.Holding[direction])
            {
                // The sender retransmits what is held: it is waiting for an ACK before sending the rest (Nagle,
                // RFC 896), so holding on would stall the connection. Let the bytes through as they are; the message
                // then passes untranslated, as it would through a segment-by-segment translator.
                state.Holding[direction] = false;
                plan.Counters.HoldsReleased++;
            }
        }

        if (state.Shifted && reason == DropReason.None)
        {
            // RFC 2663 §7.1: every later segment of both directions carries the shift, not only the edited one.
            TcpSequenceRewriter.Apply(packet.Span[info.TransportOffset..info.PayloadOffset], state.Offsets![direction], state.Offsets[1 - direction]);
        }

        return reason;
    }

    /// <summary>
    /// Inspects an in-order segment. A message the ALG could not finish because its rest is still to come is held
    /// back (the segment leaves without those bytes) and sent, translated, at the front of the segment that completes
    /// it (RFC 2663 §7.1 then shifts everything after): a message split over segments is translated whole, where a
    /// translator that edits segment by segment passes it untranslated (alg-behaviour §2 #4).
    /// </summary>
    private DropReason InspectInOrder(NatEngine engine, ref PacketBuffer packet, ref PacketInfo info, IAlgHandler handler, AlgPlanEntry plan, AlgFlowState state, in FlowEntry flow, FlowId id, bool isReply, FlowSide side, long now, TcpStreamReassembler stream, int direction, uint sequence)
    {
        // Where this segment's bytes sit in the readable stream; a partly old retransmission starts inside it.
        var payloadLength = info.PayloadLength;
        var packetStart = (int)(sequence - stream.NextSequence);
        var skip = 0;
        if (packetStart < 0)
        {
            skip = -packetStart;
            packetStart = 0;
        }

        var end = packetStart + payloadLength - skip;
        var windowStart = packetStart;
        var segmentStart = sequence;
        if (state.Holding[direction])
        {
            state.Holding[direction] = false;
            var heldOffset = (int)(state.HeldSequence[direction] - stream.NextSequence);
            if (heldOffset >= 0 && heldOffset < packetStart)
            {
                // The held bytes go first, so this packet now starts where they did.
                WriteSequence(packet.Span[info.TransportOffset..], state.HeldSequence[direction]);
                var coalesced = PayloadEditor.TryReplace(ref packet, ref info, info.PayloadOffset, info.PayloadLength, stream.Readable[heldOffset..end]);
                if (coalesced != DropReason.None)
                {
                    return coalesced;
                }

                windowStart = heldOffset;
                skip = 0;
                segmentStart = state.HeldSequence[direction];
                plan.Counters.SegmentsCoalesced++;
            }
        }

        var context = ContextOf(engine, in flow, id, isReply, side, plan, now, state.Session, windowStart, stream.NextSequence, in info);
        var output = new AlgOutput(_rewrites, _scratch, _pinholes, _groupCommands, _tunnels);
        if (!TryInspect(handler, plan, in context, stream.Readable, ref output))
        {
            // A failed parse cannot say where the next message starts: stop inspecting, keep the offsets.
            output = new AlgOutput(_rewrites, _scratch, _pinholes, _groupCommands, _tunnels) { StopInspecting = true };
        }

        var windowLength = end - windowStart;
        var hold = output.HoldFrom;
        if (hold >= windowStart && hold < end && !output.StopInspecting && output.DropReasonText is null
            && (info.TcpFlags & (TcpFlags.Fin | TcpFlags.Rst)) == 0 && end - hold <= _options.MaxHeldBytes)
        {
            // The tail is an unfinished message: it waits (a FIN or RST releases everything as it is).
            var cut = PayloadEditor.TryReplace(ref packet, ref info, info.PayloadOffset + skip + (hold - windowStart), end - hold, default);
            if (cut != DropReason.None)
            {
                return cut;
            }

            windowLength = hold - windowStart;
            state.Holding[direction] = true;
            state.HeldSequence[direction] = stream.NextSequence + (uint)hold;
            plan.Counters.SegmentsHeld++;
        }

        var reason = Apply(engine, ref packet, ref info, plan, ref output, in context, windowStart, info.PayloadOffset + skip, windowLength, now, out var delta, out var applied, state);
        if (applied)
        {
            RememberSent(state, direction, ref output, segmentStart, windowStart);
        }

        if (output.DropConnection)
        {
            state.Dropping = true;
        }

        if (delta != 0)
        {
            state.Offsets![direction].Record(segmentStart, delta);
            state.Shifted = true;
        }

        if (output.Consumed > 0)
        {
            stream.Consume(Math.Min(output.Consumed, stream.ReadableLength));
        }

        if (output.StopInspecting)
        {
            state.Stopped = true;
            state.Release();
        }

        return reason;
    }

    /// <summary>Closes every pinhole of the flows that pinholes of <paramref name="group"/> opened by
    /// <paramref name="master"/> admitted. Rare (a call's end): a walk over the inspected flows.</summary>
    private int EndAdmitted(NatEngine engine, FlowId master, long group)
    {
        var closed = 0;
        foreach (var (id, state) in _states)
        {
            if (state.AdmittedGroup == group && state.AdmittedBy == master)
            {
                closed += engine.Expectations.RemoveOwnedBy(state.Plan.OwnerTag, id);
            }
        }

        return closed;
    }

    /// <summary>Keeps the same-length edits just sent, by the sender's sequence numbers, for its retransmissions.</summary>
    private static void RememberSent(AlgFlowState state, int direction, ref AlgOutput output, uint segmentStart, int windowStart)
    {
        for (var i = 0; i < output.RewriteCount; i++)
        {
            var rewrite = output.RewriteAt(i);
            if (rewrite.Delta == 0)
            {
                var log = state.SentEdits[direction] ??= new SentEditLog();
                log.Record(segmentStart + (uint)(rewrite.Offset - windowStart), output.BytesOf(rewrite));
            }
        }
    }

    private static void WriteSequence(Span<byte> tcpHeader, uint sequence) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(tcpHeader[4..], sequence);

    /// <summary>Runs the ALG; a bug in it (an exception on odd input) is counted, never thrown out of the engine.</summary>
    /// <remarks>The call goes through the engine walking the packet: the compiled one calls each enabled ALG's class
    /// directly, the interpreter through the interface.</remarks>
    private bool TryInspect(IAlgHandler handler, AlgPlanEntry plan, in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        var counters = plan.Counters;
        counters.Inspected++;
        try
        {
            _walking.InspectAlg(plan.Id, handler, in context, data, ref output);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            counters.Failures++;
            counters.LastFailure = exception.GetType().Name;
            return false;
        }
    }

    /// <summary>Opens the requested pinholes and applies the rewrites that fall in this packet's bytes.</summary>
    /// <param name="windowStart">Offset in the ALG's data of the first byte this packet still carries.</param>
    /// <param name="framePosition">Frame offset of that byte.</param>
    /// <param name="windowLength">How many of the ALG's bytes this packet carries.</param>
    private DropReason Apply(NatEngine engine, ref PacketBuffer packet, ref PacketInfo info, AlgPlanEntry plan, ref AlgOutput output, in AlgFlowContext context, int windowStart, int framePosition, int windowLength, long now, out int delta, out bool applied, AlgFlowState? state)
    {
        var master = context.Flow;
        delta = 0;
        applied = false;
        var counters = plan.Counters;
        if (output.IdleSeconds is { } idle)
        {
            engine.SetIdleSeconds(master, idle, now);
        }

        if (output.DropReasonText is { } dropped)
        {
            counters.CountPolicyDrop(dropped);
            return DropReason.AlgPolicyViolation;
        }

        if (output.MalformedReason is { } malformed)
        {
            counters.Malformed++;
            counters.LastMalformedReason = malformed;
            return DropReason.None;
        }

        if (output.TunnelCount > 0)
        {
            ApplyTunnels(engine, ref output, counters, in context, now, state);
        }

        if (output.PartRefusedReason is { } refused)
        {
            counters.PartsRefused++;
            counters.LastPartRefused = refused;
        }

        var ownerTag = plan.OwnerTag;
        for (var i = 0; i < output.GroupCommandCount; i++)
        {
            var command = output.GroupCommandAt(i);
            if (command.EndAdmitted)
            {
                counters.PinholesClosed += EndAdmitted(engine, master, command.Group);
            }
            else if (command.Restrict)
            {
                engine.Expectations.RestrictGroup(ownerTag, master, command.Group, command.Peer, command.LifetimeNanoseconds, now);
            }
            else
            {
                counters.PinholesClosed += engine.Expectations.RemoveGroup(ownerTag, master, command.Group);
            }
        }

        for (var i = 0; i < output.PinholeCount; i++)
        {
            var request = output.PinholeAt(i);
            if (request.ReplaceOwn)
            {
                engine.Expectations.RemoveOwnedBy(request.Spec.OwnerTag, request.Spec.Master);
            }

            var refusal = PinholeGuard.Check(request.Spec, in context, engine, engine.Expectations.CountForMaster(master));
            if (refusal != PinholeRefusal.None)
            {
                counters.RefusePinhole(refusal);
            }
            else if (engine.TryOpenPinhole(request.Spec, now, out _))
            {
                counters.PinholesOpened++;
            }
            else
            {
                counters.RefusePinhole(PinholeRefusal.TableFull);
            }
        }

        if (output.RewriteCount == 0)
        {
            return DropReason.None;
        }

        // All or nothing: half an edit (a Via rewritten, its Contact not) is worse than none.
        var total = 0;
        var usable = !output.RewritesOutOfOrder;
        for (var i = 0; i < output.RewriteCount && usable; i++)
        {
            var rewrite = output.RewriteAt(i);
            usable = rewrite.Offset >= windowStart && rewrite.Offset + rewrite.OldLength <= windowStart + windowLength;
            total += rewrite.Delta;
        }

        if (!usable)
        {
            counters.RewritesRefused += output.RewriteCount;
            return DropReason.None;
        }

        var ipLength = info.PacketEnd - info.NetworkOffset + total;
        if (info.IpVersion == 4 ? ipLength > 65535 : ipLength - 40 > 65535)
        {
            counters.RewritesRefused += output.RewriteCount;
            return DropReason.BadIpTotalLength;
        }

        if (packet.Length + total > packet.Capacity)
        {
            counters.RewritesRefused += output.RewriteCount;
            return DropReason.BufferTooSmall;
        }

        // Back to front, so the frame offsets of the edits not yet applied stay valid.
        for (var i = output.RewriteCount - 1; i >= 0; i--)
        {
            var rewrite = output.RewriteAt(i);
            var reason = PayloadEditor.TryReplace(ref packet, ref info, framePosition + (rewrite.Offset - windowStart), rewrite.OldLength, output.BytesOf(rewrite));
            if (reason != DropReason.None)
            {
                return reason;
            }
        }

        counters.RewritesApplied += output.RewriteCount;
        delta = total;
        applied = true;
        return DropReason.None;
    }

    /// <summary>
    /// Opens and closes the GRE tunnels of a control connection's calls. A tunnel joins only the control connection's own
    /// ends (PinholeGuard's rule: to the inside host that spoke, from its own peer); the call ids are the ALG's to choose.
    /// </summary>
    private static void ApplyTunnels(NatEngine engine, ref AlgOutput output, AlgCounters counters, in AlgFlowContext context, long now, AlgFlowState? state)
    {
        for (var i = 0; i < output.TunnelCount; i++)
        {
            var request = output.TunnelAt(i);
            var spec = request.Spec;
            if (request.Close)
            {
                if (engine.CloseGreTunnel(spec.OriginalKey, context.Flow, now))
                {
                    counters.TunnelsClosed++;
                }

                state?.Tunnels?.Remove(spec);
                continue;
            }

            if (state is null || spec.Master != context.Flow || spec.InsideAddress != context.Inside.Address
                || spec.MappedAddress != context.Mapped.Address || spec.RemoteAddress != context.Remote.Address
                || PinholeGuard.IsSpecialAddress(spec.RemoteAddress))
            {
                counters.TunnelsRefused++;
                continue;
            }

            if (!engine.TryOpenGreTunnel(in spec, now, out _))
            {
                counters.TunnelsRefused++;
                continue;
            }

            state.Tunnels ??= [];
            if (!state.Tunnels.Contains(spec))
            {
                state.Tunnels.Add(spec);
                counters.TunnelsOpened++;
            }
        }
    }

    /// <summary>The engine removes a flow that has state here: that state goes now, with what the ALG made for the flow
    /// (a control connection's GRE tunnels) and what its session holds beyond it.</summary>
    internal void FlowEnded(NatEngine engine, FlowId id, long now)
    {
        _assigned.Remove(id);
        if (!_states.Remove(id, out var state))
        {
            return;
        }

        End(state);
        if (state.Tunnels is { } tunnels)
        {
            foreach (var tunnel in tunnels)
            {
                if (engine.CloseGreTunnel(tunnel.OriginalKey, id, now))
                {
                    state.Plan.Counters.TunnelsClosed++;
                }
            }

            tunnels.Clear();
        }
    }

    private static void End(AlgFlowState state)
    {
        state.Release();
        (state.Session as IEndingAlgSession)?.Ended();
    }

    private static AlgFlowContext ContextOf(NatEngine engine, in FlowEntry flow, FlowId id, bool isReply, FlowSide side, AlgPlanEntry plan, long now, object? session, int packetStart, uint streamSequence, in PacketInfo info)
    {
        ref readonly var original = ref flow.OriginalKey;
        ref readonly var reply = ref flow.ReplyKey;
        AlgEndpoint inside, mapped, remote;
        if (flow.Initiator == FlowSide.Inside)
        {
            inside = new AlgEndpoint(original.Source, original.SourcePort);
            mapped = new AlgEndpoint(reply.Destination, reply.DestinationPort);
            remote = new AlgEndpoint(reply.Source, reply.SourcePort);
        }
        else
        {
            inside = new AlgEndpoint(reply.Source, reply.SourcePort);
            mapped = new AlgEndpoint(original.Destination, original.DestinationPort);
            remote = new AlgEndpoint(original.Source, original.SourcePort);
        }

        var translated = (flow.Flags & (FlowEntryFlags.SourceTranslated | FlowEntryFlags.DestinationTranslated)) != 0;
        return new AlgFlowContext(
            id,
            isReply ? AlgDirection.Reply : AlgDirection.Original,
            side,
            flow.Initiator,
            original.Protocol,
            inside,
            mapped,
            remote,
            translated,
            plan.Handler!.Descriptor,
            plan.Settings,
            engine.Timeouts,
            plan.OwnerTag,
            now,
            session,
            packetStart,
            streamSequence,
            new AlgNat(engine, now),
            (info.Flags & PacketFlags.Reassembled) != 0);
    }

    /// <summary>The owner tag the stage hands an ALG for its pinholes: from its name, not its plan id, so pinholes
    /// opened before a reconfiguration (which may renumber plans) stay the ALG's own.</summary>
    public static int OwnerTagOf(string algName)
    {
        // FNV-1a over the lower-cased name: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in algName)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private void Sweep(NatEngine engine)
    {
        // Once a second of packet time: state of flows the engine has expired goes (Remove while enumerating is
        // allowed for Dictionary since .NET Core 3.0, and the struct enumerator allocates nothing).
        foreach (var id in _assigned.Keys)
        {
            // A flow dropped before its first packet reached the stage never took its inspector on.
            if (!engine.Flows.IsLive(id))
            {
                _assigned.Remove(id);
            }
        }

        if (_states.Count == 0)
        {
            return;
        }

        foreach (var (id, state) in _states)
        {
            if (!engine.Flows.IsLive(id))
            {
                End(state);
                _states.Remove(id);
            }
        }
    }

}
