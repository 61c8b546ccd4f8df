using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;

namespace Alg.Runtime.Nat;

/// <summary>
/// One packet on its way through the pipeline's steps: the frame, what the steps found out so far (its flow, its
/// side, a new flow's translation under construction) and, once a step ends the walk, the verdict.
/// </summary>
/// <remarks>A stack-only value: each step reads and writes it by reference, so a walk allocates nothing. Engines see
/// only what they decide on (side, newness, the tuples ACLs and NAT rules match) and set a new flow's translation
/// through <see cref="MapSourceTo"/> and <see cref="MapDestinationTo"/>; the bookkeeping stays in <see cref="NatEngine"/>.</remarks>
public ref struct PacketWalk
{
    internal ref PacketBuffer Packet;
    internal ref PacketInfo Info;
    internal long Now;
    internal IngressSide Ingress;
    internal FlowKey Key;
    internal int Index;
    internal bool IsReply;
    internal bool CheckAcls;
    internal int DeferredAclInterface;
    internal int HostLimit;
    internal int MappingIndex;
    internal uint MappedAddress;
    internal ushort MappedPort;
    internal uint Destination;
    internal ushort DestinationPort;
    internal bool FromPinhole;
    internal FlowId PinholeMaster;
    internal long PinholeGroup;
    internal int InspectedBy;
    internal NatVerdict Outcome;

    internal PacketWalk(ref PacketBuffer packet, ref PacketInfo info, long now, IngressSide ingress)
    {
        Packet = ref packet;
        Info = ref info;
        Now = now;
        Ingress = ingress;
        Index = -1;
        DeferredAclInterface = -1;
        HostLimit = -1;
        MappingIndex = -1;
    }

    /// <summary>The side the packet arrived on (decided by its flow once <c>FlowLookup</c> has run).</summary>
    public FlowSide Side { readonly get; internal set; }

    /// <summary>No flow knows the packet: the new-flow steps act on it.</summary>
    public bool IsNew { readonly get; internal set; }

    /// <summary>A pinhole admitted the new flow: inbound translation leaves its destination as the pinhole set it.</summary>
    public readonly bool AdmittedByPinhole => FromPinhole;

    /// <summary>The verdict of a walk a step ended.</summary>
    public readonly NatVerdict Verdict => Outcome;

    /// <summary>The packet's transport protocol.</summary>
    public readonly byte Protocol => Info.Protocol;

    /// <summary>The packet has ports (TCP, UDP, SCTP; ICMP queries carry their identifier instead).</summary>
    public readonly bool HasPorts => (Info.Flags & PacketFlags.HasPorts) != 0;

    /// <summary>The source port NAT works with: the packet's, or 0 for a protocol without ports (its flow key may hold
    /// a call id or an SPI there, which no mapping is made of).</summary>
    internal readonly ushort NatSourcePort => HasPorts ? Key.SourcePort : (ushort)0;

    /// <summary>The destination port NAT works with (see <see cref="NatSourcePort"/>).</summary>
    internal readonly ushort NatDestinationPort => HasPorts ? Key.DestinationPort : (ushort)0;

    /// <summary>The packet as it arrived: what inbound ACLs and NAT rule selection match.</summary>
    public readonly PacketTuple ArrivalTuple => NatEngine.TupleOf(in Info, Info.SourceAddress, Key.SourcePort, Info.DestinationAddress, Key.DestinationPort);

    /// <summary>A new flow from inside: its source leaves as this address and port (a port forward's or static mapping's
    /// global endpoint).</summary>
    public void MapSourceTo(uint address, ushort port)
    {
        MappedAddress = address;
        MappedPort = port;
    }

    /// <summary>A new flow from outside: its destination is this real host and port (a port forward or static mapping).</summary>
    public void MapDestinationTo(uint address, ushort port)
    {
        Destination = address;
        DestinationPort = port;
    }
}
