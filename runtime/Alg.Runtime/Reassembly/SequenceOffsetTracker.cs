namespace Alg.Runtime.Reassembly;

/// <summary>
/// The sequence-number shift an ALG causes in one TCP direction by changing payload lengths, kept for the
/// connection's life (RFC 2663 §7.1).
/// </summary>
/// <remarks>
/// <para>Each rewrite is recorded at the original sequence number of the segment it changed. A byte after
/// that point moves by the sum of all deltas recorded before it; the changed segment's own start does not
/// move. Keeping every point (not only the last, as Linux does) keeps retransmissions of older segments
/// right too.</para>
/// <para>At most <see cref="MaxPoints"/> points are kept; when full the two oldest merge, which only loses
/// precision for retransmissions of data older than that many rewrites.</para>
/// <para>Sequence arithmetic is modulo 2^32 (RFC 9293 §3.4).</para>
/// </remarks>
public sealed class SequenceOffsetTracker
{
    public const int MaxPoints = 16;

    private readonly uint[] _positions = new uint[MaxPoints];
    private readonly int[] _offsetsAfter = new int[MaxPoints];
    private int _count;

    /// <summary>The total shift of data sent after the last rewrite.</summary>
    public int CurrentOffset => _count == 0 ? 0 : _offsetsAfter[_count - 1];

    /// <summary>Records that the segment starting at original sequence <paramref name="position"/> grew by <paramref name="delta"/> bytes (negative: shrank).</summary>
    public void Record(uint position, int delta)
    {
        if (delta == 0)
        {
            return;
        }

        if (_count > 0 && _positions[_count - 1] == position)
        {
            // The same segment rewritten again (a retransmission rewritten the same way must not add twice).
            return;
        }

        if (_count == MaxPoints)
        {
            Array.Copy(_positions, 1, _positions, 0, MaxPoints - 1);
            Array.Copy(_offsetsAfter, 1, _offsetsAfter, 0, MaxPoints - 1);
            _count--;
        }

        _positions[_count] = position;
        _offsetsAfter[_count] = CurrentOffset + delta;
        _count++;
    }

    /// <summary>The shift for an original sequence number of this direction.</summary>
    public int OffsetFor(uint originalSequence)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            if ((int)(originalSequence - _positions[i]) > 0)
            {
                return _offsetsAfter[i];
            }
        }

        return 0;
    }

    /// <summary>Original sequence number → the one to send (this direction's SEQ field).</summary>
    public uint ToTranslated(uint originalSequence) => originalSequence + (uint)OffsetFor(originalSequence);

    /// <summary>An acknowledgment of translated data (the other direction's ACK field) → the original number.</summary>
    /// <remarks>A rewrite point is compared where it lies in translated numbers (its position plus the shift
    /// before it), so an ACK of exactly the start of a rewritten segment maps to that segment's start.</remarks>
    public uint ToOriginal(uint translatedSequence)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            var translatedPoint = _positions[i] + (uint)(i > 0 ? _offsetsAfter[i - 1] : 0);
            if ((int)(translatedSequence - translatedPoint) > 0)
            {
                return translatedSequence - (uint)_offsetsAfter[i];
            }
        }

        return translatedSequence;
    }
}
