namespace Alg.Doctor;

/// <summary>One SIP message as one capture saw it: where it travelled and the fields the doctor reasons with.</summary>
/// <param name="Method">The request method, or for a response the method of the request it answers (from CSeq).</param>
/// <param name="FromTag">The From tag: a request carrying the caller's tag comes from the caller (RFC 3261 §12.2.1).</param>
/// <param name="ViaSentBy">The top Via's sent-by host:port, where the sender says it listens (RFC 3261 §18.2.1).</param>
public sealed record SipMessageRecord(
    string Capture,
    long Frame,
    long TimeNanoseconds,
    string Transport,
    MediaEndpoint Source,
    MediaEndpoint Destination,
    bool IsRequest,
    string Method,
    int StatusCode,
    string StartLine,
    string CallId,
    long CSeq,
    string From,
    string To,
    string? FromTag,
    string? ToTag,
    MediaEndpoint? ViaSentBy,
    MediaEndpoint? Contact,
    SdpSummary? Sdp)
{
    /// <summary>"INVITE" or "200 OK (INVITE)": how Wireshark and engineers name a message.</summary>
    public string Label => IsRequest ? Method : $"{StartLine["SIP/2.0 ".Length..]} ({Method})";

    public bool IsSuccessResponse => !IsRequest && StatusCode is >= 200 and < 300;

    public bool IsFinalResponse => !IsRequest && StatusCode >= 200;
}
