namespace Alg.StdlibAlgs.Tftp;

/// <summary>What parsing a datagram to port 69 found. A datagram stands alone, so there is no "incomplete": a request
/// cut short is an error (RFC 1350 §5 puts the whole request in one datagram).</summary>
public enum TftpParseStatus : byte
{
    /// <summary>A read or write request.</summary>
    Request,

    /// <summary>Not a request; <see cref="TftpParseError"/> says why.</summary>
    Error,
}
