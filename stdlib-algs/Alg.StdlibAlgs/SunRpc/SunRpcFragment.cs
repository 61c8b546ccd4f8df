namespace Alg.StdlibAlgs.SunRpc;

/// <summary>One record-marking fragment (RFC 5531 §11) of a TCP record.</summary>
/// <param name="MarkOffset">Where its 4-byte record mark starts, from the record's first byte.</param>
/// <param name="Length">Its data length (the mark's low 31 bits).</param>
/// <param name="Last">The mark's top bit: the record's last fragment.</param>
public readonly record struct SunRpcFragment(int MarkOffset, int Length, bool Last);
