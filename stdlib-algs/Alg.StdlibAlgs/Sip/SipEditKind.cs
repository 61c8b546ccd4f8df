namespace Alg.StdlibAlgs.Sip;

/// <summary>What a planned edit writes in place of the old bytes.</summary>
internal enum SipEditKind : byte
{
    /// <summary>A dotted-quad address.</summary>
    Address,

    /// <summary>An address followed by <c>:port</c>.</summary>
    AddressAndPort,

    /// <summary>A decimal number (a port, a Content-Length).</summary>
    Number,

    /// <summary>A new <c>a=rtcp:port</c> line with the line ending of the m= line it follows (RFC 3605 §2.1).</summary>
    RtcpLine,
}
