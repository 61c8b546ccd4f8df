namespace Alg.StdlibAlgs.Sctp;

/// <summary>How an SCTP packet is malformed (RFC 9260 §3).</summary>
public enum SctpParseError : byte
{
    None,

    /// <summary>No chunk after the common header.</summary>
    NoChunk,

    /// <summary>A chunk length below its 4-byte header, or past the packet.</summary>
    ChunkLength,

    /// <summary>A chunk shorter than its type's fixed fields (INIT and INIT ACK 20 bytes, DATA 16, SHUTDOWN 8...).</summary>
    ChunkTooShort,

    /// <summary>An INIT or INIT ACK parameter whose length is below 4 or runs past its chunk.</summary>
    ParameterLength,

    /// <summary>More chunks than the inspector reads in one packet.</summary>
    TooManyChunks,
}
