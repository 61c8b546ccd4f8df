namespace Alg.StdlibAlgs.SunRpc;

/// <summary>A TCP record as far as it has arrived (RFC 5531 §11).</summary>
/// <param name="StreamLength">Complete: its bytes on the stream, marks included.</param>
/// <param name="MessageLength">The fragments' data so far: the message's length once complete.</param>
/// <param name="FragmentCount">Fragments located so far.</param>
/// <param name="Oversized">The message is longer than the ALG reads whole: its fragments pass by their lengths, unread.</param>
public readonly record struct SunRpcRecord(int StreamLength, int MessageLength, int FragmentCount, bool Oversized);
