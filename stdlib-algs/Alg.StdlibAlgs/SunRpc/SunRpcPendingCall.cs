namespace Alg.StdlibAlgs.SunRpc;

/// <summary>A portmapper call awaiting its reply, matched by xid on the client's own flow (RFC 5531 §9: a reply repeats
/// only the xid).</summary>
/// <param name="Protocol">The transport the client asked for (6 TCP, 17 UDP; 0: none the ALG opens).</param>
/// <param name="NetId">GETADDRLIST: the hash of the netid asked for (0: any), so only matching entries open.</param>
/// <param name="ExpiresAt">The response timeout's end, on the engine's clock.</param>
public readonly record struct SunRpcPendingCall(uint Xid, SunRpcQueryKind Kind, uint Program, uint Version, byte Protocol, long NetId, long ExpiresAt);
