namespace Alg.StdlibAlgs.Sctp;

/// <summary>One chunk of an SCTP packet, located: its type, flags and where its bytes are (never a copy).</summary>
/// <param name="Offset">Where the chunk starts, from the start of the SCTP packet (the common header).</param>
/// <param name="Length">The chunk's Length field: header and value, without padding (RFC 9260 §3.2).</param>
public readonly record struct SctpChunk(SctpChunkType Type, byte Flags, int Offset, int Length)
{
    public const int HeaderLength = 4;

    /// <summary>The T bit of ABORT and SHUTDOWN COMPLETE: the verification tag is the sender's own (RFC 9260 §8.5.1).</summary>
    public bool TagReflected => (Flags & 0x01) != 0 && Type is SctpChunkType.Abort or SctpChunkType.ShutdownComplete;
}
