namespace Alg.Runtime.Flows;

/// <summary>
/// Where a pinhole open to any peer takes its permission from: a peer may use it only when the arrival interface's
/// inbound ACL would let that peer reach this endpoint. A port mapper's map entry (Junos <c>map-entry-timeout</c>,
/// algs.md §6.2) is gated on the mapper it was learnt from: whoever the policy lets ask the mapper may reach what it
/// mapped, and nobody else — so the entry opens nothing a client could not have opened by asking.
/// </summary>
/// <param name="Protocol">The mapper's transport (the answer may have come over UDP for a TCP service).</param>
/// <param name="Address">The mapper's address as a client addresses it (its public one for a server inside).</param>
/// <param name="Port">The mapper's port as a client addresses it.</param>
/// <param name="RealAddress">The mapper's real address, for an ACL that names real addresses (ASA 8.3+).</param>
/// <param name="RealPort">The mapper's real port.</param>
public readonly record struct AdmissionProxy(byte Protocol, uint Address, ushort Port, uint RealAddress, ushort RealPort)
{
    /// <summary>A pinhole gated on an endpoint's ACL permission (default: none, the peer alone decides).</summary>
    public bool IsSet => Protocol != 0;
}
