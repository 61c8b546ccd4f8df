using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>Declaration of the <c>sunrpc</c> ALG: ONC RPC portmapper/rpcbind: pinholes for the ports it hands out (RFC 5531, RFC 1833).</summary>
/// <remarks>Pinholes may lead below 1024: rpcbind hands out whatever port a service registered, and mountd, statd or
/// NIS often sit on reserved ports (algs.md §6.2); each still goes only to the server that answered, for the program
/// and protocol the client asked about.</remarks>
public static class SunRpcAlgDescriptor
{
    /// <summary>The program ranges (<c>LOW-HIGH</c> or one number) a client inside may be given a port for; the binder
    /// fills it from the policies whose from-zone is inside.</summary>
    public const string ProgramsFromInside = "programs-from-inside";

    /// <summary>The same for clients outside.</summary>
    public const string ProgramsFromOutside = "programs-from-outside";

    public static readonly AlgDescriptor Instance = new(
        "sunrpc",
        "ONC RPC portmapper/rpcbind: pinholes for the ports it hands out (RFC 5531, RFC 1833)",
        [AlgPort.Udp(111), AlgPort.Tcp(111)],
        [
            AlgOptionDescriptor.Duration("pinhole-timeout", 0, 4_294_967, 600, "ASA timeout sunrpc: lifetime of a pinhole to a mapped RPC port"),
            AlgOptionDescriptor.Number("map-entry-timeout", 0, 4320, 0, "Junos map-entry-timeout (5-4320, Junos default 480): minutes a learned program-to-port mapping (and its pinhole) is kept; 0: pinhole-timeout applies"),
            AlgOptionDescriptor.Number("group-max-usage", 10, 100, 80, "Junos group-max-usage: percent of the ALG resource groups SunRPC may use", inferred: true) with { ActedOn = false, Dialects = [Dialect.Junos] },
            AlgOptionDescriptor.Number("server-entries", 0, 10_000, 0, "ASA sunrpc-server: how many static SunRPC service entries (interface, server, program, protocol, ports, timeout) the policy holds; lowering lets each program's ports on its servers past the other interfaces' inbound ACLs") with { Dialects = [Dialect.Asa] },
            AlgOptionDescriptor.List(ProgramsFromInside, "the RPC program numbers policies permit clients inside to reach (Junos applications with rpc-program-number, ScreenOS sun-rpc services; any: no filter): an answer about another program opens nothing", [Dialect.Junos, Dialect.ScreenOs]),
            AlgOptionDescriptor.List(ProgramsFromOutside, "the RPC program numbers policies permit clients outside to reach (Junos applications with rpc-program-number, ScreenOS sun-rpc services; any: no filter): an answer about another program opens nothing", [Dialect.Junos, Dialect.ScreenOs]),
        ],
        [new AlgAlias(Dialect.Ios, "sunrpc"), new AlgAlias(Dialect.Asa, "sunrpc"), new AlgAlias(Dialect.ScreenOs, "sunrpc"), new AlgAlias(Dialect.Junos, "sunrpc")],
        Implemented: true,
        PinholesToPrivilegedPorts: true);
}
