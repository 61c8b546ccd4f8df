namespace Alg.Doctor;

/// <summary>One signalling message of a call as one capture saw it: where it travelled and the fields the doctor reasons
/// with. SIP fills it from the message; H.323 (<see cref="H323MessageReader"/>) maps its messages onto the same roles —
/// Setup the INVITE, Connect the 2xx, Release Complete the BYE, an H.245 OpenLogicalChannel(Ack)'s mediaChannel the
/// SDP audio endpoint of its sender, h245Address the Contact — so one analysis judges both.</summary>
/// <param name="Method">The request method, or for a response the method of the request it answers (from CSeq).</param>
/// <param name="FromTag">The From tag: a request carrying the caller's tag comes from the caller (RFC 3261 §12.2.1).</param>
/// <param name="ViaSentBy">The top Via's sent-by host:port, where the sender says it listens (RFC 3261 §18.2.1).</param>
public sealed record SignallingRecord(
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
    /// <summary>"sip" or "h323": which words the diagnosis uses.</summary>
    public string Protocol { get; init; } = "sip";

    /// <summary>H.323: the message's own name ("Setup", "OpenLogicalChannelAck (channel 1)").</summary>
    public string? Name { get; init; }

    /// <summary>H.323: "offer" (OpenLogicalChannel, fastStart in Setup) or "answer" (OpenLogicalChannelAck, fastStart in
    /// Connect) when the message names media; SIP finds offers and answers from its transactions.</summary>
    public string? ExchangeRole { get; init; }

    /// <summary>H.323: the message carries H.460.17/18/19/23/24 traversal features (algs.md §4.6).</summary>
    public bool TraversalFeatures { get; init; }

    /// <summary>"INVITE" or "200 OK (INVITE)": how Wireshark and engineers name a message.</summary>
    public string Label => Name ?? (IsRequest ? Method : $"{StartLine["SIP/2.0 ".Length..]} ({Method})");

    public bool IsSuccessResponse => !IsRequest && StatusCode is >= 200 and < 300;

    public bool IsFinalResponse => !IsRequest && StatusCode >= 200;
}
