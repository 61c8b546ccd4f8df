namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>Why an IKE datagram cannot be read (RFC 2408 §3.1–3.2, RFC 7296 §3.1–3.2).</summary>
public enum IkeParseError : byte
{
    None,

    /// <summary>A major version other than 1 or 2.</summary>
    UnknownVersion,

    /// <summary>A Length below the 28-byte header.</summary>
    LengthBelowHeader,

    /// <summary>A payload whose length is below its 4-byte generic header or runs past the message.</summary>
    PayloadOverrun,

    /// <summary>More payloads than any exchange carries.</summary>
    TooManyPayloads,
}
