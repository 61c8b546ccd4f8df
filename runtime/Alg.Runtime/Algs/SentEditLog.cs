using Alg.Runtime.Packets;

namespace Alg.Runtime.Algs;

/// <summary>
/// One direction of a TCP connection's same-length rewrites already sent (an address or port in a binary reply),
/// by the sender's sequence numbers: a retransmission of those bytes leaves translated as their first copy did. The
/// peer re-sends from its own, untranslated bytes, so without this a copy lost after the gateway — or one the peer
/// re-sends early (tail loss probe) — would carry the private address (algs.md §0.1).
/// </summary>
/// <remarks>Bounded: the oldest edits give way (a retransmission that old is long acknowledged). Allocated at the
/// connection's first such edit, never per packet. Edits that change a length are not replayed: their bytes no longer
/// line up with the sender's, which the sequence shift (RFC 2663 §7.1) accounts for only going forward.</remarks>
internal sealed class SentEditLog
{
    public const int Capacity = 64;
    public const int MaxEditLength = 16;

    private readonly uint[] _sequences = new uint[Capacity];
    private readonly byte[] _lengths = new byte[Capacity];
    private readonly byte[] _bytes = new byte[Capacity * MaxEditLength];
    private int _next;
    private int _count;
    private uint _end;

    /// <summary>Remembers that the bytes at <paramref name="sequence"/> left as <paramref name="sent"/>.</summary>
    /// <returns>False when the edit is too long to keep (it is then not replayed).</returns>
    public bool Record(uint sequence, ReadOnlySpan<byte> sent)
    {
        if (sent.IsEmpty || sent.Length > MaxEditLength)
        {
            return false;
        }

        _sequences[_next] = sequence;
        _lengths[_next] = (byte)sent.Length;
        sent.CopyTo(_bytes.AsSpan(_next * MaxEditLength));
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
        var end = sequence + (uint)sent.Length;
        if (_count == 1 || (int)(end - _end) > 0)
        {
            _end = end;
        }

        return true;
    }

    /// <summary>Writes every remembered edit that overlaps a segment's payload (sender's <paramref name="sequence"/>,
    /// <paramref name="length"/> bytes from <paramref name="payloadPosition"/> in the frame) into it.</summary>
    /// <returns>None, or why the frame could not be edited.</returns>
    public DropReason Replay(ref PacketBuffer packet, ref PacketInfo info, uint sequence, int payloadPosition, int length, out int replayed)
    {
        replayed = 0;
        if ((int)(sequence - _end) >= 0)
        {
            // New bytes past every edit sent (the usual segment): nothing to replay, no walk over the log.
            return DropReason.None;
        }

        for (var i = 0; i < _count; i++)
        {
            var start = (int)(_sequences[i] - sequence);
            var from = Math.Max(start, 0);
            var to = Math.Min(start + _lengths[i], length);
            if (from >= to)
            {
                continue;
            }

            var reason = PayloadEditor.TryReplace(ref packet, ref info, payloadPosition + from, to - from, _bytes.AsSpan((i * MaxEditLength) + (from - start), to - from));
            if (reason != DropReason.None)
            {
                return reason;
            }

            replayed++;
        }

        return DropReason.None;
    }
}
