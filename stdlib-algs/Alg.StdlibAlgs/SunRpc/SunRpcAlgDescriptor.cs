using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>Declaration of the <c>sunrpc</c> ALG: ONC RPC portmapper/rpcbind: pinholes for the ports it hands out (RFC 5531, RFC 1833).</summary>
public static class SunRpcAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "sunrpc",
        "ONC RPC portmapper/rpcbind: pinholes for the ports it hands out (RFC 5531, RFC 1833)",
        [AlgPort.Udp(111), AlgPort.Tcp(111)],
        [
            AlgOptionDescriptor.Duration("pinhole-timeout", 0, 4_294_967, 600, "ASA timeout sunrpc: lifetime of a pinhole to a mapped RPC port"),
        ],
        [new AlgAlias(Dialect.Ios, "sunrpc"), new AlgAlias(Dialect.Asa, "sunrpc"), new AlgAlias(Dialect.ScreenOs, "sunrpc"), new AlgAlias(Dialect.Junos, "sunrpc")],
        PinholesToPrivilegedPorts: true);
}
