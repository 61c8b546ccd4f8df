namespace Alg.StdlibAlgs.SqlNet;

/// <summary>The length fields that count a redirect's text, offsets relative to the unit the rewriter is given (a
/// REDIRECT, or a REDIRECT and the DATA packet carrying its text): each grows or shrinks with the text (algs.md §0.2 #7).</summary>
/// <param name="PacketLengthOffset">The TNS length of the packet holding the text.</param>
/// <param name="PacketLengthSize">2 or 4 bytes (algs.md §8.1).</param>
/// <param name="RedirectLengthOffset">The REDIRECT's redirect-data length, or -1 when the text is a zero-length
/// REDIRECT's DATA (nothing else counts it).</param>
/// <param name="RedirectLengthSent">The REDIRECT that counts the text has already left: the text may not change length.</param>
public readonly record struct SqlNetLengthFields(
    int PacketLengthOffset,
    int PacketLengthSize,
    long PacketLength,
    int RedirectLengthOffset,
    int RedirectLength,
    bool RedirectLengthSent = false);
