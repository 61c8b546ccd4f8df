namespace Alg.StdlibAlgs.SunRpc;

/// <summary>Why bytes are not an ONC RPC message the ALG can read (RFC 5531, RFC 1833, RFC 5665).</summary>
public enum SunRpcParseError : byte
{
    None,

    /// <summary>Shorter than the fixed part of a call or reply header (RFC 5531 §9).</summary>
    TooShort,

    /// <summary>A msg_type other than CALL (0) or REPLY (1) (RFC 5531 §9).</summary>
    BadMessageType,

    /// <summary>A call whose rpcvers is not 2 (RFC 5531 §9).</summary>
    BadRpcVersion,

    /// <summary>A credential or verifier body longer than 400 bytes, or running past the message (RFC 5531 §8.2).</summary>
    BadAuthLength,

    /// <summary>A reply_stat, accept_stat or reject_stat the protocol does not define (RFC 5531 §9).</summary>
    BadReplyStatus,

    /// <summary>A record mark announcing a fragment longer than any portmapper message (RFC 5531 §11).</summary>
    BadRecordMark,

    /// <summary>A record split into more fragments than the ALG follows (RFC 5531 §11).</summary>
    TooManyFragments,

    /// <summary>Arguments or results shorter than their XDR layout (RFC 1833 §2.2, §3).</summary>
    TruncatedBody,

    /// <summary>An XDR string longer than its limit or the message (RFC 4506 §4.11).</summary>
    BadString,

    /// <summary>A universal address that is not <c>h1.h2.h3.h4.p1.p2</c> with numbers 0-255 (RFC 5665 §5.2.3.3).</summary>
    BadUniversalAddress,

    /// <summary>A DUMP or GETADDRLIST list longer than the ALG reads (algs.md §6.3).</summary>
    ListTooLong,
}
