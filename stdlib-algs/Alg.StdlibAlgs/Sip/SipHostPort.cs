namespace Alg.StdlibAlgs.Sip;

/// <summary>
/// Where a host and its optional port stand in a message (absolute offsets). <see cref="PortStart"/> is -1
/// when no port is written — the place to insert one is just after the host (RFC 3261 §19.1.1: the default
/// port is then implied, which an ALG must write out when the mapped port differs).
/// </summary>
public readonly record struct SipHostPort(int HostStart, int HostLength, int PortStart, int PortLength)
{
    public bool HasPort => PortStart >= 0;

    public int HostEnd => HostStart + HostLength;
}
