namespace Alg.StdlibAlgs.Sip;

/// <summary>A REGISTER seen leaving on a flow, kept until its final response (alg-behaviour §3 T2).</summary>
/// <param name="CallId">Hash of the Call-ID.</param>
/// <param name="Branch">Hash of the top Via branch, which the response carries back unchanged (RFC 3261 §17.1.3).</param>
/// <param name="ContactIsSender">A Contact named the flow's own inside endpoint (or was <c>*</c>): only then may a
/// binding open anything (alg-behaviour §3 T5).</param>
/// <param name="RequestedExpires">Seconds asked for, used when the 2xx grants without saying how long.</param>
internal readonly record struct SipPendingRegister(long CallId, long CSeq, long Branch, bool ContactIsSender, long RequestedExpires, bool InUse);
