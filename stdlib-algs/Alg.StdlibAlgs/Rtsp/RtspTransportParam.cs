namespace Alg.StdlibAlgs.Rtsp;

/// <summary>One address- or port-bearing Transport parameter; offsets are into the header value.</summary>
/// <param name="Alternative">Which comma-separated transport alternative it belongs to (0 first).</param>
/// <param name="Udp">The alternative's lower transport is UDP (not <c>/TCP</c> interleaved) and unicast.</param>
/// <param name="Start">The parameter with its leading <c>;</c>, for removal.</param>
/// <param name="Port">The first (or only) port; -1 for a parameter without one.</param>
/// <param name="SecondPort">The second port of an <c>a-b</c> range; -1 when single.</param>
/// <param name="AddressStart">The address's first byte, or -1 (an RTSP 2.0 <c>":port"</c> has none).</param>
public readonly record struct RtspTransportParam(
    int Alternative,
    RtspTransportParamKind Kind,
    bool Udp,
    int Start,
    int Length,
    int PortStart,
    int PortLength,
    int Port,
    int SecondPortStart,
    int SecondPortLength,
    int SecondPort,
    int AddressStart,
    int AddressLength,
    uint Address)
{
    public bool HasAddress => AddressStart >= 0;

    public bool IsRange => SecondPort >= 0;
}
