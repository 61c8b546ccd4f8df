namespace Alg.StdlibAlgs.Ftp;

/// <summary>Why a control line was refused by the parser.</summary>
public enum FtpParseError : byte
{
    None,

    /// <summary>No line end within <see cref="FtpParser.MaxLineLength"/> bytes.</summary>
    LineTooLong,

    /// <summary>PORT or 227 without six numbers of at most 255 separated by commas (RFC 959 §4.1.2).</summary>
    BadHostPort,

    /// <summary>EPRT or 229 whose delimiter is not one printable non-digit used throughout (RFC 2428 §2, §3).</summary>
    BadDelimiter,

    /// <summary>EPRT with a network protocol other than 1 (IPv4) or 2 (IPv6) (RFC 2428 §2).</summary>
    UnknownAddressFamily,

    /// <summary>EPRT whose address is not a literal of its family.</summary>
    BadAddress,

    /// <summary>A port that is not 1-5 digits of at most 65535.</summary>
    BadPort,

    /// <summary>A server line that does not start with a three-digit reply code (RFC 959 §4.2).</summary>
    NotAReply,
}
