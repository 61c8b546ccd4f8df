namespace Alg.StdlibAlgs.Tftp;

/// <summary>Why a datagram to port 69 is not a valid request (RFC 1350 §5, figure 5-1).</summary>
public enum TftpParseError : byte
{
    None,

    /// <summary>Shorter than an opcode and two NUL-terminated strings.</summary>
    TooShort,

    /// <summary>An opcode other than RRQ (1) or WRQ (2): only those may be sent to port 69 (RFC 1350 §4).</summary>
    NotARequest,

    /// <summary>A filename of no bytes.</summary>
    EmptyFilename,

    /// <summary>No NUL after the filename.</summary>
    FilenameNotTerminated,

    /// <summary>No NUL after the mode.</summary>
    ModeNotTerminated,

    /// <summary>A mode other than netascii, octet or mail (any case, RFC 1350 §5).</summary>
    UnknownMode,
}
