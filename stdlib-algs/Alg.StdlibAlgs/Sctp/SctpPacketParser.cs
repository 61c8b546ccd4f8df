using System.Buffers.Binary;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>
/// Reads an SCTP packet (RFC 9260 §3): the common header, then each chunk located by its length and padding, with the
/// parameters of INIT and INIT ACK walked the same way. Reads spans only, never copies; every read is bounds-checked
/// and the walks are bounded by the caller's chunk table, so a packet of many tiny chunks cannot run on.
/// </summary>
public static class SctpPacketParser
{
    /// <summary>Source port, destination port, verification tag, checksum.</summary>
    public const int CommonHeaderLength = 12;

    /// <summary>INIT and INIT ACK fixed part (RFC 9260 §3.3.2): Initiate Tag, a_rwnd, streams, initial TSN.</summary>
    public const int InitFixedLength = 16;

    /// <summary>Locates the chunks of <paramref name="packet"/> in <paramref name="chunks"/>; more than it holds is an error.</summary>
    public static SctpParseStatus Parse(ReadOnlySpan<byte> packet, Span<SctpChunk> chunks, out int count, out SctpParseError error)
    {
        count = 0;
        error = SctpParseError.None;
        if (packet.Length < CommonHeaderLength)
        {
            return SctpParseStatus.Incomplete;
        }

        var position = CommonHeaderLength;
        if (packet.Length - position < SctpChunk.HeaderLength)
        {
            return Fail(SctpParseError.NoChunk, out error);
        }

        while (packet.Length - position >= SctpChunk.HeaderLength)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(packet[(position + 2)..]);
            if (length < SctpChunk.HeaderLength || length > packet.Length - position)
            {
                return Fail(SctpParseError.ChunkLength, out error);
            }

            var type = (SctpChunkType)packet[position];
            if (length < MinimumLength(type))
            {
                return Fail(SctpParseError.ChunkTooShort, out error);
            }

            if (type is SctpChunkType.Init or SctpChunkType.InitAck && !ParametersFit(packet.Slice(position + SctpChunk.HeaderLength + InitFixedLength, length - SctpChunk.HeaderLength - InitFixedLength)))
            {
                return Fail(SctpParseError.ParameterLength, out error);
            }

            if (count == chunks.Length)
            {
                return Fail(SctpParseError.TooManyChunks, out error);
            }

            chunks[count++] = new SctpChunk(type, packet[position + 1], position, length);

            // Padding to a multiple of 4 follows every chunk; the last one's may be cut by the packet's end.
            position += (length + 3) & ~3;
        }

        return SctpParseStatus.Complete;
    }

    /// <summary>The verification tag of the common header.</summary>
    public static uint VerificationTag(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);

    /// <summary>An INIT's or INIT ACK's Initiate Tag (RFC 9260 §3.3.2).</summary>
    public static uint InitiateTag(ReadOnlySpan<byte> packet, in SctpChunk chunk) =>
        BinaryPrimitives.ReadUInt32BigEndian(packet[(chunk.Offset + SctpChunk.HeaderLength)..]);

    /// <summary>The counter text for a reason, with the rule it breaks.</summary>
    public static string Describe(SctpParseError error) => error switch
    {
        SctpParseError.NoChunk => "SCTP: a packet without a chunk (RFC 9260 §3)",
        SctpParseError.ChunkLength => "SCTP: a malformed chunk, its length below its header or past the packet (RFC 9260 §3.2)",
        SctpParseError.ChunkTooShort => "SCTP: a malformed chunk, shorter than its type's fields (RFC 9260 §3.3)",
        SctpParseError.ParameterLength => "SCTP: a malformed INIT or INIT ACK parameter (RFC 9260 §3.2.1)",
        SctpParseError.TooManyChunks => "SCTP: too many chunks in one packet",
        _ => "SCTP: malformed packet",
    };

    /// <summary>The fixed fields each chunk type needs (RFC 9260 §3.3; DATA without user data is still framed).</summary>
    private static int MinimumLength(SctpChunkType type) => type switch
    {
        SctpChunkType.Data => 16,
        SctpChunkType.Init or SctpChunkType.InitAck => SctpChunk.HeaderLength + InitFixedLength,
        SctpChunkType.Sack => 16,
        SctpChunkType.Heartbeat or SctpChunkType.HeartbeatAck => 8,
        SctpChunkType.Shutdown => 8,
        SctpChunkType.IData => 20,
        _ => SctpChunk.HeaderLength,
    };

    private static bool ParametersFit(ReadOnlySpan<byte> parameters)
    {
        var reader = new SctpParameterReader(parameters);
        while (reader.TryNext(out _, out _, out _))
        {
        }

        return !reader.Malformed;
    }

    private static SctpParseStatus Fail(SctpParseError reason, out SctpParseError error)
    {
        error = reason;
        return SctpParseStatus.Error;
    }
}
