using System.Buffers.Binary;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>
/// Frames ONC RPC records on a TCP stream (RFC 5531 §11): each fragment is preceded by a 4-byte mark whose top bit says
/// "last fragment" and whose low 31 bits give the fragment's length; a record is its fragments up to the last one.
/// Several records share a segment and one record spans segments; only the stream says where a mark is (algs.md §0.2 #1).
/// </summary>
public static class SunRpcRecordParser
{
    public const int MarkLength = 4;

    /// <summary>The longest fragment taken for ONC RPC on a port mapper's port. RFC 5531 §11 allows 2^31 - 1, but
    /// no portmapper message comes near a megabyte, and text sent to port 111 (<c>GET </c>, 1.2 GB as a mark) must
    /// read as what it is, not as a record to skip.</summary>
    public const int MaxFragmentLength = 1 << 20;

    /// <summary>Locates the record that starts at <paramref name="data"/>'s first byte.</summary>
    /// <param name="fragments">Receives the fragments; more than it holds is an error.</param>
    /// <param name="maxMessageLength">A longer message is <see cref="SunRpcRecord.Oversized"/> (status Incomplete).</param>
    public static SunRpcParseStatus Parse(ReadOnlySpan<byte> data, Span<SunRpcFragment> fragments, int maxMessageLength, out SunRpcRecord record, out SunRpcParseError error)
    {
        error = SunRpcParseError.None;
        var position = 0;
        var count = 0;
        var messageLength = 0L;
        while (true)
        {
            if (data.Length - position < MarkLength)
            {
                record = new SunRpcRecord(0, (int)messageLength, count, false);
                return SunRpcParseStatus.Incomplete;
            }

            var mark = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            var length = (int)(mark & 0x7FFF_FFFF);
            var last = (mark & 0x8000_0000) != 0;
            if (length > MaxFragmentLength)
            {
                record = default;
                error = SunRpcParseError.BadRecordMark;
                return SunRpcParseStatus.Error;
            }

            if (count == fragments.Length)
            {
                record = default;
                error = SunRpcParseError.TooManyFragments;
                return SunRpcParseStatus.Error;
            }

            fragments[count++] = new SunRpcFragment(position, length, last);
            messageLength += length;
            if (messageLength > maxMessageLength)
            {
                record = new SunRpcRecord(0, (int)Math.Min(messageLength, int.MaxValue), count, true);
                return SunRpcParseStatus.Incomplete;
            }

            position += MarkLength + length;
            if (position > data.Length)
            {
                record = new SunRpcRecord(0, (int)messageLength, count, false);
                return SunRpcParseStatus.Incomplete;
            }

            if (last)
            {
                record = new SunRpcRecord(position, (int)messageLength, count, false);
                return SunRpcParseStatus.Complete;
            }
        }
    }

    /// <summary>Copies a multi-fragment record's data, without its marks, into <paramref name="message"/>.</summary>
    public static void Join(ReadOnlySpan<byte> recordBytes, ReadOnlySpan<SunRpcFragment> fragments, Span<byte> message)
    {
        var written = 0;
        foreach (var fragment in fragments)
        {
            recordBytes.Slice(fragment.MarkOffset + MarkLength, fragment.Length).CopyTo(message[written..]);
            written += fragment.Length;
        }
    }
}
