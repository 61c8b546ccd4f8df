namespace Alg.StdlibAlgs.Sip;

/// <summary>Where the parts of one SIP message are, as offsets into the buffer it was parsed from.</summary>
/// <param name="Method">The request method (e.g. "INVITE" as offsets); empty for a response.</param>
/// <param name="StatusCode">The response status, or 0 for a request.</param>
/// <param name="HeaderCount">How many entries of the caller's field buffer the headers filled.</param>
/// <param name="BodyStart">First byte after the empty line that ends the headers.</param>
/// <param name="BodyLength">The body's length: Content-Length (RFC 3261 §18.3), or the rest of a datagram without one.</param>
/// <param name="DeclaredContentLength">The Content-Length value as written, or -1 when absent.</param>
public readonly record struct SipMessageInfo(
    int MethodStart,
    int MethodLength,
    int RequestUriStart,
    int RequestUriLength,
    int StatusCode,
    int HeaderCount,
    int BodyStart,
    int BodyLength,
    int DeclaredContentLength)
{
    public bool IsRequest => StatusCode == 0;

    /// <summary>Offset just past the message: where the next one on a stream starts.</summary>
    public int End => BodyStart + BodyLength;
}
