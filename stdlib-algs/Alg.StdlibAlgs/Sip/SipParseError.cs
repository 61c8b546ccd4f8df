namespace Alg.StdlibAlgs.Sip;

/// <summary>Why a buffer is not a SIP message (<see cref="SipParseStatus.NotSip"/>) or not a well-formed one
/// (<see cref="SipParseStatus.Malformed"/>).</summary>
public enum SipParseError : byte
{
    None,

    /// <summary>Neither a Request-Line nor a Status-Line (RFC 3261 §7.1, §7.2).</summary>
    NotAStartLine,

    /// <summary>A datagram whose header section has no empty line after it (RFC 3261 §7).</summary>
    HeaderSectionUnterminated,

    /// <summary>A continuation line (leading space or tab) before any header field (RFC 3261 §7.3.1).</summary>
    FoldedFirstHeader,

    /// <summary>A header line without a colon (RFC 3261 §7.3.1).</summary>
    HeaderWithoutColon,

    /// <summary>More than <see cref="SipMessageParser.MaxHeaders"/> header fields: refused, not truncated.</summary>
    TooManyHeaders,

    /// <summary>A Content-Length that is not a decimal number (RFC 3261 §20.14).</summary>
    BadContentLength,

    /// <summary>A datagram shorter than its Content-Length announces (RFC 3261 §18.3).</summary>
    BodyShorterThanContentLength,
}
