using System.Buffers.Binary;
using Alg.Runtime.Checksums;

namespace Alg.Runtime.Reassembly;

/// <summary>Applies <see cref="SequenceOffsetTracker"/> shifts to a TCP header in place (RFC 2663 §7.1).</summary>
/// <remarks>SACK blocks (RFC 2018 §3) acknowledge data too, so their edges are shifted like the ACK field;
/// without that a peer would see selective acknowledgments for bytes it never sent.</remarks>
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

        var headerLength = Math.Min((tcpHeader[12] >> 4) * 4, tcpHeader.Length);
        if (headerLength > 20)
        {
            checksum = ShiftSackBlocks(tcpHeader[20..headerLength], oppositeDirection, checksum);
        }

        BinaryPrimitives.WriteUInt16BigEndian(tcpHeader[16..], checksum);
    }

    private static ushort ShiftSackBlocks(Span<byte> options, SequenceOffsetTracker oppositeDirection, ushort checksum)
    {
        // RFC 9293 §3.1 option layout: kind 0 ends, kind 1 is one byte, others carry a length byte.
        var position = 0;
        while (position < options.Length)
        {
            var kind = options[position];
            if (kind == 0)
            {
                break;
            }

            if (kind == 1)
            {
                position++;
                continue;
            }

            if (position + 1 >= options.Length || options[position + 1] < 2 || position + options[position + 1] > options.Length)
            {
                break;
            }

            int length = options[position + 1];
            if (kind == 5)
            {
                // RFC 2018 §3: SACK, n blocks of left and right edges. Usually 32-bit aligned after two NOPs, but
                // nothing requires it, and the checksum works on 16-bit words.
                for (var edge = position + 2; edge + 4 <= position + length; edge += 4)
                {
                    var old = BinaryPrimitives.ReadUInt32BigEndian(options[edge..]);
                    var shifted = oppositeDirection.ToOriginal(old);
                    if (shifted != old)
                    {
                        checksum = UpdateUnaligned(checksum, options, edge, shifted);
                    }
                }
            }

            position += length;
        }

        return checksum;
    }

    private static ushort UpdateUnaligned(ushort checksum, Span<byte> options, int offset, uint value)
    {
        // Options start at header offset 20 (even), so an option offset's parity is its parity in the header.
        if (offset % 2 == 0)
        {
            var old = BinaryPrimitives.ReadUInt32BigEndian(options[offset..]);
            BinaryPrimitives.WriteUInt32BigEndian(options[offset..], value);
            return IncrementalChecksum.Update(checksum, old, value);
        }

        // Odd offset: the 4 bytes straddle three 16-bit words; update each word that changes.
        var start = offset - 1;
        Span<byte> before = stackalloc byte[6];
        options.Slice(start, 6).CopyTo(before);
        BinaryPrimitives.WriteUInt32BigEndian(options[offset..], value);
        for (var word = 0; word < 6; word += 2)
        {
            var oldWord = BinaryPrimitives.ReadUInt16BigEndian(before[word..]);
            var newWord = BinaryPrimitives.ReadUInt16BigEndian(options[(start + word)..]);
            checksum = IncrementalChecksum.Update(checksum, oldWord, newWord);
        }

        return checksum;
    }
}
