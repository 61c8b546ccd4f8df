using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Mgcp;

/// <summary>Declaration of the <c>mgcp</c> ALG: MGCP gateway control with SDP media (RFC 3435).</summary>
public static class MgcpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "mgcp",
        "MGCP gateway control with SDP media (RFC 3435)",
        [AlgPort.Udp(2427), AlgPort.Udp(2727)],
        [
            AlgOptionDescriptor.Duration("media-timeout", 0, 4_294_967, 300, "ASA timeout mgcp / Junos inactive-media-timeout: idle time of MGCP media"),
            AlgOptionDescriptor.Duration("pat-timeout", 0, 4_294_967, 300, "ASA timeout mgcp-pat: lifetime of MGCP PAT xlates"),
            AlgOptionDescriptor.Duration("transaction-timeout", 3, 50, 30, "Junos: seconds a transaction may wait for its response"),
        ],
        [new AlgAlias(Dialect.Asa, "mgcp"), new AlgAlias(Dialect.ScreenOs, "mgcp"), new AlgAlias(Dialect.Junos, "mgcp"), new AlgAlias(Dialect.Ios, "mgcp")],
        Implemented: true);
}
