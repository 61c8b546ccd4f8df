namespace Alg.Doctor;

/// <summary>One SDP of an offer/answer exchange (RFC 3264 §5 offer, §6 answer) as one capture saw it.</summary>
/// <param name="Role">"offer" or "answer".</param>
public sealed record SdpExchange(string Capture, long Frame, long TimeNanoseconds, long CSeq, string Label, CallParty Party, string Role, SdpSummary Sdp);
