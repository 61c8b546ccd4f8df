namespace Alg.StdlibAlgs.SunRpc;

/// <summary>The header of one ONC RPC message (RFC 5531 §9): offsets into the message, never a copy.</summary>
/// <param name="IsCall">CALL (msg_type 0); otherwise REPLY.</param>
/// <param name="Program">CALL: prog. REPLY: 0 (a reply names no program).</param>
/// <param name="Version">CALL: vers.</param>
/// <param name="Procedure">CALL: proc.</param>
/// <param name="Accepted">REPLY: MSG_ACCEPTED with accept_stat SUCCESS, so results follow.</param>
/// <param name="BodyOffset">CALL: where the arguments start; accepted REPLY: where the results start.</param>
public readonly record struct SunRpcMessage(uint Xid, bool IsCall, uint Program, uint Version, uint Procedure, bool Accepted, int BodyOffset);
