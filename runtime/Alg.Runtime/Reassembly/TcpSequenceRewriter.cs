using System.Buffers.Binary;
using Alg.Runtime.Checksums;

namespace Alg.Runtime.Reassembly;

/// <summary>Applies <see cref="SequenceOffsetTracker"/> shifts to a TCP header in place (RFC 2663 §7.1).</summary>
/// <remarks>SACK blocks (RFC 2018) are not shifted yet: an ALG that changes lengths should strip SACK-permitted
/// from the SYN until they are.</remarks>
public static class TcpSequenceRewriter
{
    /// <summary>Shifts SEQ by this direction's offsets and ACK by the other direction's, fixing the checksum.</summary>
    /// <param name="tcpHeader">The TCP header of the packet.</param>
    /// <param name="sameDirection">Offsets of the data this packet carries.</param>
    /// <param name="oppositeDirection">Offsets of the data this packet acknowledges.</param>
    public static void Apply(Span<byte> tcpHeader, SequenceOffsetTracker sameDirection, SequenceOffsetTracker oppositeDirection)
    {
        var checksum = BinaryPrimitives.ReadUInt16BigEndian(tcpHeader[16..]);
        var sequence = BinaryPrimitives.ReadUInt32BigEndian(tcpHeader[4..]);
        var newSequence = sameDirection.ToTranslated(sequence);
        if (newSequence != sequence)
        {
            BinaryPrimitives.WriteUInt32BigEndian(tcpHeader[4..], newSequence);
            checksum = IncrementalChecksum.Update(checksum, sequence, newSequence);
        }

        if ((tcpHeader[13] & 0x10) != 0)
        {
            var acknowledgment = BinaryPrimitives.ReadUInt32BigEndian(tcpHeader[8..]);
            var newAcknowledgment = oppositeDirection.ToOriginal(acknowledgment);
            if (newAcknowledgment != acknowledgment)
            {
                BinaryPrimitives.WriteUInt32BigEndian(tcpHeader[8..], newAcknowledgment);
                checksum = IncrementalChecksum.Update(checksum, acknowledgment, newAcknowledgment);
            }
        }

        BinaryPrimitives.WriteUInt16BigEndian(tcpHeader[16..], checksum);
    }
}
