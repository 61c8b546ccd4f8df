namespace Alg.StdlibAlgs.MsRpc;

/// <summary>A request awaiting its response: matched by call_id on the connection (C706 §12.6.3.1), or by activity and
/// sequence number over UDP (§12.5.2.1).</summary>
/// <param name="Asked">The interface the client asked about (empty: any).</param>
/// <param name="Protocol">The protocol the client asked for (ept_map's tower floor 4; 0: any).</param>
/// <param name="Ndr64">The call's context uses NDR64, which the response's stub follows too.</param>
public readonly record struct MsRpcPendingCall(uint CallId, Guid Activity, MsRpcCallKind Kind, Guid Asked, byte Protocol, bool Ndr64, long ExpiresAt);
