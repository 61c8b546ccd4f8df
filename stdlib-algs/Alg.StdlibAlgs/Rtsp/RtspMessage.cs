namespace Alg.StdlibAlgs.Rtsp;

/// <summary>A parsed RTSP message or interleaved frame: offsets into the buffer it was parsed from, never copies.</summary>
/// <param name="Length">Bytes of the whole message (headers and body) or frame.</param>
/// <param name="Status">The status code of a response; 0 for a request.</param>
/// <param name="MajorVersion">1 (RFC 2326) or 2 (RFC 7826).</param>
/// <param name="TransportStart">Offset of the first Transport header's value, or -1.</param>
/// <param name="SessionStart">Offset of the Session header's value, or -1 (RFC 2326 §12.37).</param>
/// <param name="CSeq">The CSeq number, or -1 (RFC 2326 §12.17).</param>
/// <param name="BodyStart">The body's first byte (the message's length when it has none).</param>
/// <param name="ContentLengthStart">The Content-Length value's first digit, or -1 (RFC 2326 §12.14).</param>
public readonly record struct RtspMessage(
    int Length,
    RtspMethod Method,
    int Status,
    int MajorVersion,
    int TransportStart,
    int TransportLength,
    int SessionStart,
    int SessionLength,
    long CSeq,
    int BodyStart = 0,
    int ContentLengthStart = -1,
    int ContentLengthLength = 0)
{
    public int BodyLength => Length - BodyStart;

    public bool IsRequest => Status == 0;

    public bool HasTransport => TransportStart >= 0;
}
