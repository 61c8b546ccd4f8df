using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Xdmcp;

/// <summary>Declaration of the <c>xdmcp</c> ALG: XDMCP: the X server back-connection.</summary>
public static class XdmcpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "xdmcp",
        "XDMCP: the X server back-connection",
        [AlgPort.Udp(177)],
        [],
        [new AlgAlias(Dialect.Asa, "xdmcp")]);
}
