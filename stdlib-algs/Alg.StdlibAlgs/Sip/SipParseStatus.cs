namespace Alg.StdlibAlgs.Sip;

/// <summary>What parsing a buffer found, in the streaming style: a message, not yet a whole one, or not SIP.</summary>
public enum SipParseStatus
{
    /// <summary>A whole message: start line, headers, and the body Content-Length announces.</summary>
    Complete,

    /// <summary>A prefix of a message: more stream bytes are needed (never returned for datagrams).</summary>
    Incomplete,

    /// <summary>The bytes do not start with a SIP request or status line.</summary>
    NotSip,

    /// <summary>A SIP start line, but a header section or length that cannot be right.</summary>
    Malformed,
}
