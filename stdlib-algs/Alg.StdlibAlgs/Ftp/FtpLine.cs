namespace Alg.StdlibAlgs.Ftp;

/// <summary>One parsed control line; offsets are relative to the line's first byte.</summary>
/// <param name="Length">Bytes of the line, its line end included (what the ALG consumes).</param>
/// <param name="Command">For a client line: which deniable command it is (none for the others).</param>
/// <param name="KnownVerb">For a client line: the verb is an FTP command (RFC 959 §4.1, RFC 2228, RFC 2389, RFC 2428,
/// RFC 3659); the first line of a connection must be one.</param>
/// <param name="ReplyCode">For a server line: the code of the reply it belongs to.</param>
/// <param name="OpensMultiline">The first line of a multi-line reply (<c>xyz-</c>, RFC 959 §4.2).</param>
/// <param name="EndsReply">The last (or only) line of a reply.</param>
/// <param name="AddressStart">Where the address text to rewrite starts (the whole comma form for PORT/227), or -1.</param>
/// <param name="PortStart">Where a separate port text starts (EPRT, 229), or -1.</param>
/// <param name="NumberCount">Numbers read in a comma form (six when whole; ASA strict treats fewer as truncated).</param>
/// <param name="TrailingLength">Characters after the address/port up to the line end (ASA strict: at most 8).</param>
public readonly record struct FtpLine(
    FtpLineKind Kind,
    int Length,
    FtpCommandSet Command,
    bool KnownVerb,
    int ReplyCode,
    bool OpensMultiline,
    bool EndsReply,
    int AddressStart,
    int AddressLength,
    uint Address,
    bool IsIpv6,
    int PortStart,
    int PortLength,
    int Port,
    int NumberCount,
    int TrailingLength,
    bool EndsWithCrLf)
{
    /// <summary>True when the line carries an address or port the ALG can act on.</summary>
    public bool HasEndpoint => AddressStart >= 0 || PortStart >= 0;
}
