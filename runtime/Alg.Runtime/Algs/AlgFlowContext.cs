using Alg.Policy.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;

namespace Alg.Runtime.Algs;

/// <summary>What an ALG knows about the packet it inspects: flow, direction, endpoints, settings, clock.</summary>
/// <remarks>
/// Endpoints are those of the flow, not of the packet: <see cref="Inside"/> is the private address:port of the
/// inside host, <see cref="Mapped"/> the public one the outside sees, <see cref="Remote"/> the outside peer
/// (its real address after any destination translation). Values, never references to the flow table.
/// </remarks>
public readonly struct AlgFlowContext
{
    public AlgFlowContext(
        FlowId flow,
        AlgDirection direction,
        FlowSide arrivalSide,
        FlowSide initiator,
        byte protocol,
        AlgEndpoint inside,
        AlgEndpoint mapped,
        AlgEndpoint remote,
        bool translated,
        AlgDescriptor descriptor,
        object? settings,
        NatTimeouts timeouts,
        int ownerTag,
        long now,
        object? session = null,
        int packetStart = 0,
        uint streamSequence = 0,
        AlgNat nat = default,
        bool reassembled = false)
    {
        Flow = flow;
        Direction = direction;
        ArrivalSide = arrivalSide;
        Initiator = initiator;
        Protocol = protocol;
        Inside = inside;
        Mapped = mapped;
        Remote = remote;
        Translated = translated;
        Descriptor = descriptor;
        Settings = settings;
        Timeouts = timeouts;
        OwnerTag = ownerTag;
        Now = now;
        Session = session;
        PacketStart = packetStart;
        StreamSequence = streamSequence;
        Nat = nat;
        Reassembled = reassembled;
    }

    /// <summary>The same flow and packet with another ALG's typed settings: an ALG that runs another's code under its
    /// own name (Apple iChat's SIP) hands it the settings that code reads.</summary>
    public AlgFlowContext WithSettings(object? settings) =>
        new(Flow, Direction, ArrivalSide, Initiator, Protocol, Inside, Mapped, Remote, Translated, Descriptor, settings, Timeouts, OwnerTag, Now, Session, PacketStart, StreamSequence, Nat, Reassembled);

    /// <summary>The datagram arrived in IP fragments and was put together before the ALG saw it (RFC 791 §3.2).</summary>
    public bool Reassembled { get; }

    /// <summary>The flow; use it as <see cref="ExpectationSpec.Master"/> of the pinholes it asks for.</summary>
    public FlowId Flow { get; }

    public AlgDirection Direction { get; }

    /// <summary>The side this packet arrived on.</summary>
    public FlowSide ArrivalSide { get; }

    /// <summary>The side that started the flow (outside for a port-forwarded server).</summary>
    public FlowSide Initiator { get; }

    /// <summary>IP protocol number (6 TCP, 17 UDP).</summary>
    public byte Protocol { get; }

    /// <summary>The inside host's private endpoint.</summary>
    public AlgEndpoint Inside { get; }

    /// <summary>The inside host's endpoint as the outside sees it (equal to <see cref="Inside"/> when untranslated).</summary>
    public AlgEndpoint Mapped { get; }

    /// <summary>The outside peer.</summary>
    public AlgEndpoint Remote { get; }

    /// <summary>True when the gateway translates this flow's addresses or ports; ALGs rewrite nothing otherwise.</summary>
    public bool Translated { get; }

    public AlgDescriptor Descriptor { get; }

    /// <summary>The ALG's typed settings, built once per configuration by <see cref="IAlgHandler.CreateSettings"/>.</summary>
    public object? Settings { get; }

    /// <summary>The policy's idle timeouts (pinhole lifetimes usually follow them).</summary>
    public NatTimeouts Timeouts { get; }

    /// <summary>A tag unique to this ALG on this stage; put it in <see cref="ExpectationSpec.OwnerTag"/>.</summary>
    public int OwnerTag { get; }

    /// <summary>Packet time, nanoseconds on the engine's clock.</summary>
    public long Now { get; }

    /// <summary>The flow's session from <see cref="IAlgHandler.CreateSession"/>, or null.</summary>
    public object? Session { get; }

    /// <summary>TCP: where the current segment's bytes start in the data given; 0 for UDP.</summary>
    public int PacketStart { get; }

    /// <summary>TCP: the sender's original sequence number of the first data byte given; 0 for UDP.</summary>
    public uint StreamSequence { get; }

    /// <summary>Translator queries (mapping reservations for announced media endpoints).</summary>
    public AlgNat Nat { get; }

    /// <summary>True when the inside host started the flow (a client behind the gateway).</summary>
    public bool InsideInitiated => Initiator == FlowSide.Inside;

    /// <summary>The typed settings as the ALG's own type.</summary>
    /// <exception cref="InvalidOperationException">The engine handed this ALG no settings, or another ALG's.</exception>
    public TSettings SettingsAs<TSettings>()
        where TSettings : class =>
        Settings as TSettings ?? throw new InvalidOperationException($"{Descriptor.Name}: expected {typeof(TSettings).Name} settings, got {Settings?.GetType().Name ?? "none"}");
}
