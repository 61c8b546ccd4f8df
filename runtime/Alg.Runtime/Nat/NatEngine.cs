using System.Runtime.CompilerServices;
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
    private readonly IEngineSource _engines;
    private PipelineProgram _program;
    private NatRuleSet _nat;
    private NatTimeouts _timeouts;
    private IPipelineEngine _walkingEngine;
    private readonly FlowTable _flows;
    private readonly NatMappingTable _mappings;
    private readonly ExpectationTable _expectations;
    private readonly Ipv4FragmentReassembler _fragments;
    private readonly Dictionary<ulong, PortAllocator> _portAllocators = [];
    private readonly Dictionary<uint, int> _hostCounts = [];
    private readonly long _flowCapacity;
    private readonly uint _portHoldSeconds;
    private readonly int _mappingCapacity;
    private readonly byte[] _reassembled = new byte[65535];
    private DeterministicRandom _random;
    private long _lastExpiryTick = long.MinValue;
    private int _reservedMappings;

    /// <param name="engines">
    /// Where each packet reads the engine (interpreter or compiled) that walks it through the pipeline; the engine's
    /// lowered program is everything the data plane reads, and a new program there is a reload.
    /// </param>
    public NatEngine(IEngineSource engines, NatEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engines);
        options ??= new NatEngineOptions();
        _engines = engines;
        _flows = new FlowTable(options.FlowCapacity, options.RandomSeed ^ 0xA5A5A5A5A5A5A5A5UL);
        _mappings = new NatMappingTable(options.MappingCapacity, options.RandomSeed ^ 0x5A5A5A5A5A5A5A5AUL);
        _expectations = new ExpectationTable(options.ExpectationCapacity);
        _fragments = new Ipv4FragmentReassembler(options.Fragments);
        _random = new DeterministicRandom(options.RandomSeed);
        _portHoldSeconds = options.PortHoldSeconds;
        _mappingCapacity = options.MappingCapacity;
        _flowCapacity = options.FlowCapacity;
        _walkingEngine = engines.Current;
        _program = _walkingEngine.Program;
        _nat = _program.Nat;
        _timeouts = _program.Timeouts;
        ReservePortForwards(_program);
    }

    /// <summary>Where each packet reads its engine.</summary>
    public IEngineSource Engines => _engines;

    /// <summary>The program the last packet ran (the current engine's, once a packet has seen it).</summary>
    public PipelineProgram Program => _program;

    public NatRuleSet Rules => _program.Nat;

    public NatTimeouts Timeouts => _program.Timeouts;

    public FlowTable Flows => _flows;

    public NatMappingTable Mappings => _mappings;

    /// <summary>Pinholes ALGs open; matched when a new flow arrives.</summary>
    public ExpectationTable Expectations => _expectations;

    /// <summary>True for an address a NAT rule publishes (static, port-forward or pool address): the gateway answers ARP
    /// for it on its outside link.</summary>
    public bool Publishes(uint address) => _engines.Current.Program.Nat.IsOwned(address);

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
    /// <remarks>The engine is read once, here: a tiered swap or a reload between two packets never splits one packet
    /// between engines or programs. What is not policy (decoding, reassembly, ICMP errors, expiry) happens before
    /// the engine's walk; everything the configuration decides happens in it, in the order its IR lists.</remarks>
    public NatVerdict Process(ref PacketBuffer packet, ref PacketInfo info, long now, IngressSide ingress = IngressSide.Auto)
    {
        var engine = _engines.Current;
        var program = engine.Program;
        if (!ReferenceEquals(program, _program))
        {
            AdoptProgram(program);
        }

        var walk = new PacketWalk(ref packet, ref info, now, ingress);
        if (!Prepare(ref walk))
        {
            return walk.Outcome;
        }

        // The first step of every plan is the runtime's (IrValidator). A known flow whose plan asks the policy nothing
        // (no ACL meets every packet) takes its remaining steps here; everything else is the engine's walk.
        LookupFlow(ref walk);
        if (!walk.IsNew && program.KnownFlowsMeetNoPolicy)
        {
            Track(ref walk);
            Translate(ref walk);
            return InspectAlg(ref walk, engine) ? Forward(ref walk) : walk.Outcome;
        }

        // Map entries ask the engine walking this packet about the ACL they stand in for (NatEngine.MapEntries.cs).
        _walkingEngine = engine;
        return engine.Run(this, ref walk);
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

    /// <summary>The tuple ACLs and NAT rules match: a protocol without ports (GRE, ESP) shows ports 0 whatever its flow key
    /// holds (a call id, an SPI), as it always did.</summary>
    internal static PacketTuple TupleOf(in PacketInfo info, uint source, ushort sourcePort, uint destination, ushort destinationPort) =>
        (info.Flags & PacketFlags.HasPorts) != 0
            ? new(source, destination, sourcePort, destinationPort, info.Protocol, (info.TcpFlags & (TcpFlags.Ack | TcpFlags.Rst)) != 0)
            : new(source, destination, 0, 0, info.Protocol, false);

    /// <summary>
    /// A new program takes effect with the packet that first runs on it: rules, timers, behaviour, limits and ACL
    /// modes are its; flows, mappings and pinholes stay, but for the map entries of ALGs it no longer enables. Its port
    /// forwards own their global ports from then on.
    /// </summary>
    private void AdoptProgram(PipelineProgram program)
    {
        _program = program;
        _nat = program.Nat;
        _timeouts = program.Timeouts;
        ReservePortForwards(program);
        CloseMapEntriesOfDisabledAlgs(program);
    }

    /// <summary>A static port forward owns its global port, so PAT never hands it out.</summary>
    private void ReservePortForwards(PipelineProgram program)
    {
        foreach (var rule in program.Nat.RuleArray)
        {
            if (rule.Kind == NatRuleKind.StaticPort)
            {
                AllocatorFor(rule.GlobalAddress, rule.Protocol).TryTake(rule.MappedPort, 0);
            }
        }
    }

    /// <summary>The key a packet's flow is found by: its ports, or for protocols without them what tells their
    /// conversations apart (<see cref="KeyWithoutPorts"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FlowKey KeyOf(in PacketInfo info, FlowSide side) =>
        (info.Flags & PacketFlags.HasPorts) != 0
            ? new(info.SourceAddress, info.DestinationAddress, info.SourcePort, info.DestinationPort, info.Protocol, side)
            : KeyWithoutPorts(in info, side);

    /// <summary>
    /// ESP: the SPI, which the receiver chose (RFC 4303 §2.1), so each direction of a pair of security associations is
    /// a flow of its own. PPTP's enhanced GRE: the call id the packet carries, the receiver's (RFC 2637 §4.1), which
    /// finds a call's tunnel; a GRE packet of no tunnel falls back to its addresses (<see cref="AddressOnlyKey"/>). Any
    /// other protocol: its addresses.
    /// </summary>
    private static FlowKey KeyWithoutPorts(in PacketInfo info, FlowSide side) => info.Protocol switch
    {
        IpProtocol.Esp => new(info.SourceAddress, info.DestinationAddress, (ushort)(info.EspSpi >> 16), (ushort)info.EspSpi, info.Protocol, side),
        IpProtocol.Gre when (info.Flags & PacketFlags.EnhancedGre) != 0 => new(info.SourceAddress, info.DestinationAddress, 0, info.GreCallId, info.Protocol, side),
        _ => AddressOnlyKey(in info, side),
    };

    /// <summary>A flow known by its addresses only (GRE outside a PPTP call, other protocols without ports).</summary>
    private static FlowKey AddressOnlyKey(in PacketInfo info, FlowSide side) =>
        new(info.SourceAddress, info.DestinationAddress, 0, 0, info.Protocol, side);

    /// <summary>The key a new flow's first packet is matched against pinholes with: an ESP gate has no SPI to name.</summary>
    private static FlowKey PinholeKeyOf(in FlowKey key) => key.Protocol == IpProtocol.Esp ? key.WithoutPorts() : key;

    private FlowSide ResolveSide(in PacketInfo info, IngressSide ingress)
    {
        if (ingress != IngressSide.Auto)
        {
            return ingress == IngressSide.Inside ? FlowSide.Inside : FlowSide.Outside;
        }

        var nat = _nat;
        if (!nat.IsOwned(info.DestinationAddress))
        {
            return FlowSide.Inside;
        }

        // An inside host talking to a mapped address is hairpinning (RFC 4787 REQ-9), not an outside arrival.
        return _program.Behavior.Hairpinning && nat.IsInsideAddress(info.SourceAddress) ? FlowSide.Inside : FlowSide.Outside;
    }

    private NatVerdict CountDrop(DropReason reason, FlowSide side)
    {
        Drops.Increment(reason);
        return NatVerdict.Drop(reason, side);
    }

    private static long NowSecond(long now) => now / FlowTable.TickNanoseconds;
}
