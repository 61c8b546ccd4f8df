using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>Declaration of the <c>sunrpc</c> ALG: ONC RPC portmapper/rpcbind: pinholes for the ports it hands out (RFC 5531, RFC 1833).</summary>
/// <remarks>Pinholes may lead below 1024: rpcbind hands out whatever port a service registered, and mountd, statd or
/// NIS often sit on reserved ports (algs.md §6.2); each still goes only to the server that answered, for the program
/// and protocol the client asked about.</remarks>
public static class SunRpcAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "sunrpc",
        "ONC RPC portmapper/rpcbind: pinholes for the ports it hands out (RFC 5531, RFC 1833)",
        [AlgPort.Udp(111), AlgPort.Tcp(111)],
        [
            AlgOptionDescriptor.Duration("pinhole-timeout", 0, 4_294_967, 600, "ASA timeout sunrpc: lifetime of a pinhole to a mapped RPC port"),
            AlgOptionDescriptor.Number("map-entry-timeout", 5, 4320, 480, "Junos map-entry-timeout: minutes a learned program-to-port mapping (and its pinhole) is kept", inferred: true),
            AlgOptionDescriptor.Number("group-max-usage", 10, 100, 80, "Junos group-max-usage: percent of the ALG resource groups SunRPC may use", inferred: true) with { ActedOn = false },
        ],
        [new AlgAlias(Dialect.Ios, "sunrpc"), new AlgAlias(Dialect.Asa, "sunrpc"), new AlgAlias(Dialect.ScreenOs, "sunrpc"), new AlgAlias(Dialect.Junos, "sunrpc")],
        Implemented: true,
        PinholesToPrivilegedPorts: true);
}
