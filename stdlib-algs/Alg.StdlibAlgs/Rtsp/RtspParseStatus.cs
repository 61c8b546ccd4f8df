namespace Alg.StdlibAlgs.Rtsp;

/// <summary>What the bytes at a message boundary of an RTSP connection hold.</summary>
public enum RtspParseStatus : byte
{
    /// <summary>A whole message: start line, headers and the body Content-Length announces.</summary>
    Complete,

    /// <summary>An interleaved binary frame (<c>$</c>, channel, 16-bit length; RFC 2326 §10.12): not a message.</summary>
    Interleaved,

    /// <summary>The start of a message or frame; more stream bytes are needed.</summary>
    Incomplete,

    /// <summary>Not RTSP; <see cref="RtspParseError"/> says why.</summary>
    Error,
}
