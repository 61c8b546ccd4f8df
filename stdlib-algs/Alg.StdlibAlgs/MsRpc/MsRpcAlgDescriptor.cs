using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>Declaration of the <c>msrpc</c> ALG: DCE/RPC endpoint mapper: pinholes for the endpoints it returns ([MS-RPCE], C706).</summary>
public static class MsRpcAlgDescriptor
{
    /// <summary>The interface UUIDs a client inside may be given an endpoint for; the binder fills it from the
    /// policies whose from-zone is inside.</summary>
    public const string UuidsFromInside = "uuids-from-inside";

    /// <summary>The same for clients outside.</summary>
    public const string UuidsFromOutside = "uuids-from-outside";

    public static readonly AlgDescriptor Instance = new(
        "msrpc",
        "DCE/RPC endpoint mapper: pinholes for the endpoints it returns ([MS-RPCE], C706)",
        [AlgPort.Tcp(135), AlgPort.Udp(135)],
        [
            AlgOptionDescriptor.Duration("pinhole-timeout", 0, 4_294_967, 120, "ASA dcerpc inspect map timeout pinhole"),
            AlgOptionDescriptor.Flag("epm-service-only", false, "ASA dcerpc inspect map endpoint-mapper epm-service-only: a bind on the endpoint mapper's port to any other interface drops the connection"),
            AlgOptionDescriptor.Flag("lookup-operation", false, "ASA dcerpc inspect map endpoint-mapper lookup-operation: ept_lookup answers open pinholes too, not only ept_map"),
            AlgOptionDescriptor.Number("map-entry-timeout", 0, 4320, 0, "Junos map-entry-timeout (5-4320, Junos default 480): minutes a learned UUID-to-port mapping (and its pinhole) is kept; 0: pinhole-timeout applies"),
            AlgOptionDescriptor.Number("group-max-usage", 10, 100, 80, "Junos group-max-usage: percent of the ALG resource groups MS-RPC may use", inferred: true) with { ActedOn = false, Dialects = [Dialect.Junos] },
            AlgOptionDescriptor.List(UuidsFromInside, "the interface UUIDs policies permit clients inside to reach (Junos applications with uuid, ScreenOS ms-rpc services; any: no filter): a tower for another interface opens nothing", [Dialect.Junos, Dialect.ScreenOs]),
            AlgOptionDescriptor.List(UuidsFromOutside, "the interface UUIDs policies permit clients outside to reach (Junos applications with uuid, ScreenOS ms-rpc services; any: no filter): a tower for another interface opens nothing", [Dialect.Junos, Dialect.ScreenOs]),
        ],
        [new AlgAlias(Dialect.Ios, "msrpc"), new AlgAlias(Dialect.Asa, "dcerpc"), new AlgAlias(Dialect.ScreenOs, "msrpc"), new AlgAlias(Dialect.Junos, "msrpc")],
        Implemented: true);
}
