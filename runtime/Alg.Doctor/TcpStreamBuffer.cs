namespace Alg.Doctor;

/// <summary>
/// One direction of a TCP connection, concatenated in sequence order well enough for an offline reader of
/// SIP (RFC 3261 §18.3 framing): retransmitted bytes are skipped, and a gap (a segment the capture missed)
/// restarts the stream at the segment after it rather than splicing two halves into one message.
/// </summary>
internal sealed class TcpStreamBuffer
{
    private const int MaxBufferedBytes = 1 << 20;

    private readonly List<byte> _bytes = [];
    private uint _nextSequence;
    private bool _started;

    public int Count => _bytes.Count;

    public void Append(uint sequence, bool syn, ReadOnlySpan<byte> payload)
    {
        if (syn)
        {
            // The SYN takes one sequence number (RFC 9293 §3.4): data starts after it.
            _nextSequence = sequence + 1;
            _started = true;
            sequence++;
        }

        if (payload.IsEmpty)
        {
            return;
        }

        if (!_started)
        {
            _nextSequence = sequence;
            _started = true;
        }

        var ahead = (int)(sequence - _nextSequence);
        if (ahead > 0)
        {
            _bytes.Clear();
            _nextSequence = sequence;
            ahead = 0;
        }

        var skip = -ahead;
        if (skip >= payload.Length)
        {
            return;
        }

        var fresh = payload[skip..];
        if (_bytes.Count + fresh.Length > MaxBufferedBytes)
        {
            _bytes.Clear();
        }

        _bytes.AddRange(fresh);
        _nextSequence += (uint)fresh.Length;
    }

    public ReadOnlySpan<byte> Bytes => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes);

    public void Consume(int count) => _bytes.RemoveRange(0, count);

    public void Clear() => _bytes.Clear();
}
