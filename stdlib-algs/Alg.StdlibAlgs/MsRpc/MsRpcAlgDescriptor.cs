using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>Declaration of the <c>msrpc</c> ALG: DCE/RPC endpoint mapper: pinholes for the endpoints it returns ([MS-RPCE], C706).</summary>
public static class MsRpcAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "msrpc",
        "DCE/RPC endpoint mapper: pinholes for the endpoints it returns ([MS-RPCE], C706)",
        [AlgPort.Tcp(135)],
        [
            AlgOptionDescriptor.Duration("pinhole-timeout", 0, 4_294_967, 120, "ASA dcerpc inspect map timeout pinhole"),
        ],
        [new AlgAlias(Dialect.Ios, "msrpc"), new AlgAlias(Dialect.Asa, "dcerpc"), new AlgAlias(Dialect.ScreenOs, "msrpc"), new AlgAlias(Dialect.Junos, "msrpc")]);
}
