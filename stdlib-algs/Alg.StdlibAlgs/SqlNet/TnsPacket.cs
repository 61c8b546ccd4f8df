namespace Alg.StdlibAlgs.SqlNet;

/// <summary>The header of one TNS packet at a packet boundary of the stream: offsets relative to its first byte.</summary>
/// <param name="Length">The whole packet, header included (the header's length field).</param>
/// <param name="LengthFieldSize">2 before a protocol version 315+ ACCEPT, 4 after it (algs.md §8.1).</param>
/// <param name="Version">CONNECT/ACCEPT: the protocol version at offset 8; 0 otherwise or when absent.</param>
/// <param name="RedirectDataLength">REDIRECT: the declared length of the redirect text (offset 8); -1 otherwise.</param>
public readonly record struct TnsPacket(int Length, TnsPacketType Type, byte Flags, int LengthFieldSize, int Version, int RedirectDataLength)
{
    /// <summary>Every TNS header is 8 bytes, whichever length form it uses.</summary>
    public const int HeaderLength = 8;

    /// <summary>Where a REDIRECT's redirect-data length field sits.</summary>
    public const int RedirectLengthOffset = HeaderLength;

    /// <summary>Where a REDIRECT's text starts (after its 2-byte redirect-data length).</summary>
    public const int RedirectTextOffset = HeaderLength + 2;

    /// <summary>Where a DATA packet's payload starts (after its 2-byte data flags).</summary>
    public const int DataTextOffset = HeaderLength + 2;

    /// <summary>How many bytes of the redirect text this REDIRECT itself carries (the rest follows in DATA packets).</summary>
    public int InlineRedirectLength => Math.Min(RedirectDataLength, Length - RedirectTextOffset);
}
