namespace Alg.StdlibAlgs.Text;

/// <summary>What a planned edit writes in place of the old bytes.</summary>
public enum TextEditKind : byte
{
    /// <summary>A dotted-quad address.</summary>
    Address,

    /// <summary>A dotted-quad address followed by <c>:port</c>.</summary>
    AddressAndPort,

    /// <summary>A decimal number (a port, a Content-Length).</summary>
    Number,

    /// <summary>An address and port in the comma form <c>h1,h2,h3,h4,p1,p2</c> (FTP PORT, 227).</summary>
    CommaAddress,

    /// <summary>A new line: a fixed prefix, a number and the line ending (e.g. SDP <c>a=rtcp:port</c>, RFC 3605 §2.1).</summary>
    PrefixedNumberLine,

    /// <summary>Nothing: the old bytes are removed (an RTSP transport parameter that may not pass).</summary>
    Delete,

    /// <summary>A binary length field in network byte order, as wide as the old one (TNS packet and redirect-data
    /// lengths around a rewritten connect descriptor).</summary>
    BigEndianNumber,

    /// <summary><see cref="TextEdit.Number"/> blanks inserted: a shorter value padded where the syntax allows blanks,
    /// when a length that counts the text has already been sent (a TNS redirect's).</summary>
    Blanks,
}
