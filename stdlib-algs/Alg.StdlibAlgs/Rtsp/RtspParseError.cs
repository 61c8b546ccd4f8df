namespace Alg.StdlibAlgs.Rtsp;

/// <summary>Why bytes at a message boundary are not an RTSP message (RFC 2326 §6-7, RFC 7826 §8-9).</summary>
public enum RtspParseError : byte
{
    None,

    /// <summary>Neither a Request-Line (<c>METHOD URI RTSP/x.y</c>) nor a Status-Line (<c>RTSP/x.y NNN reason</c>).</summary>
    NotAStartLine,

    /// <summary>A header line without a colon, or a continuation before any header.</summary>
    BadHeader,

    /// <summary>A Content-Length that is not a decimal number (RFC 2326 §12.14).</summary>
    BadContentLength,

    /// <summary>Header section or body longer than <see cref="RtspMessageParser.MaxMessageBytes"/>.</summary>
    TooLong,
}
