using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Rtsp;

/// <summary>Declaration of the <c>rtsp</c> ALG: RTSP stream control with RTP transports (RFC 2326, RFC 7826).</summary>
public static class RtspAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "rtsp",
        "RTSP stream control with RTP/RDT transports (RFC 2326, RFC 7826)",
        [AlgPort.Tcp(554)],
        [],
        [new AlgAlias(Dialect.Ios, "rtsp"), new AlgAlias(Dialect.Asa, "rtsp"), new AlgAlias(Dialect.ScreenOs, "rtsp"), new AlgAlias(Dialect.Junos, "rtsp")],
        Implemented: true);
}
