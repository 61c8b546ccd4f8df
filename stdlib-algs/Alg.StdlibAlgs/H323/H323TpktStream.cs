namespace Alg.StdlibAlgs.H323;

/// <summary>Per-direction TPKT framing state of one TCP connection: bytes of a message too long to read whole that
/// still have to pass unread (RFC 1006 framing, so the next header is found from the stream, never from a segment start).</summary>
internal sealed class H323TpktStream
{
    /// <summary>The longest TPKT read whole; a longer one (a huge TerminalCapabilitySet) is skipped by its length.
    /// Q.931 messages and the H.245 messages with addresses are far shorter.</summary>
    public const int MaxMessageLength = 8192;

    public int[] SkipRemaining { get; } = new int[2];
}
