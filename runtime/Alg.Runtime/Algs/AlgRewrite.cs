namespace Alg.Runtime.Algs;

/// <summary>One payload edit an ALG asks for; the stage applies it, the ALG never touches the packet.</summary>
/// <param name="Offset">Where the replaced bytes start, in the data the ALG was given (payload or stream bytes).</param>
/// <param name="OldLength">How many bytes are replaced (0 inserts).</param>
/// <param name="BytesStart">Start of the new bytes in the stage's scratch buffer.</param>
/// <param name="BytesLength">Length of the new bytes (0 deletes).</param>
public readonly record struct AlgRewrite(int Offset, int OldLength, int BytesStart, int BytesLength)
{
    /// <summary>How much the payload grows (negative: shrinks).</summary>
    public int Delta => BytesLength - OldLength;
}
