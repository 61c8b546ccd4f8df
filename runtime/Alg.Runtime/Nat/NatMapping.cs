namespace Alg.Runtime.Nat;

/// <summary>One dynamic mapping: an internal endpoint (and, per mapping behaviour, the remote) to an external one.</summary>
/// <remarks>
/// Lives as long as one flow uses it (RFC 4787 REQ-5/REQ-6: flows carry the timers); when the last flow
/// goes, the external port is released into its hold time (RFC 6888 REQ-8).
/// Address-only mappings (dynamic 1:1 pools) have protocol and ports 0. Stored by value in
/// <see cref="NatMappingTable"/>, chained by index in two hash indexes.
/// </remarks>
public struct NatMapping
{
    public byte Protocol;
    public bool AddressOnly;
    public bool InUse;
    public short RuleIndex;
    public uint InternalAddress;
    public ushort InternalPort;
    public ushort ExternalPort;
    public uint ExternalAddress;

    /// <summary>Remote address part of the key (0 under endpoint-independent mapping).</summary>
    public uint RemoteAddress;

    /// <summary>Remote port part of the key (0 unless address-and-port-dependent mapping).</summary>
    public ushort RemotePort;

    public int FlowCount;

    /// <summary>An ALG reserved this mapping until this time (ns): it outlives its flows until then. 0 = not reserved.</summary>
    public long ReservedUntil;

    /// <summary>First flow of this mapping's list (linked through <see cref="Flows.FlowEntry.MappingNextFlow"/>).</summary>
    public int FirstFlow;

    /// <summary>Next free slot while not in use; next mapping in the same internal-key bucket while in use.</summary>
    public int NextFree;

    /// <summary>Next mapping in the same external-endpoint bucket.</summary>
    internal int NextByExternal;
}
