namespace Alg.StdlibAlgs.Mgcp;

/// <summary>One MGCP message of a datagram, as offsets into the datagram (never copies).</summary>
/// <param name="Start">The message's first byte.</param>
/// <param name="Next">Where the next piggy-backed message starts (after its <c>.</c> line), or the datagram's length.</param>
/// <param name="Code">A response's code; 0 for a command.</param>
/// <param name="SdpStart">The session description after the empty line (§3.5.5), or -1.</param>
/// <param name="SdpLength">Its length, up to the piggy-back separator or the datagram's end.</param>
public readonly record struct MgcpMessage(
    int Start,
    int Next,
    MgcpVerb Verb,
    int Code,
    long TransactionId,
    int EndpointStart,
    int EndpointLength,
    int CallIdStart,
    int CallIdLength,
    int SdpStart,
    int SdpLength)
{
    public bool IsResponse => Code != 0;

    public bool HasSdp => SdpStart >= 0 && SdpLength > 0;
}
