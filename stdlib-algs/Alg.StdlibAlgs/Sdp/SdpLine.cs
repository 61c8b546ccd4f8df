namespace Alg.StdlibAlgs.Sdp;

/// <summary>
/// One SDP line as offsets into the body, with the offsets of the address and port it carries (-1 when
/// none), and the media description it belongs to (-1 for the session level).
/// </summary>
public readonly record struct SdpLine(
    SdpLineKind Kind,
    int Start,
    int Length,
    int MediaIndex,
    int AddressStart,
    int AddressLength,
    int PortStart,
    int PortLength);
