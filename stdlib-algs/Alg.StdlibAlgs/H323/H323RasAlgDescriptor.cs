using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.H323;

/// <summary>Declaration of the <c>h323-ras</c> ALG: H.323 registration, admission and status with a gatekeeper (H.225.0 RAS).</summary>
public static class H323RasAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "h323-ras",
        "H.323 registration, admission and status with a gatekeeper (H.225.0 RAS)",
        [AlgPort.Udp(1719)],
        [
            AlgOptionDescriptor.Duration("endpoint-registration-timeout", 1, 4_294_967, 3600, "Junos: how long a registration's call pinhole lives when the gatekeeper grants no time-to-live", inferred: true, dialects: [Dialect.Junos]),
            AlgOptionDescriptor.Flag("ras-rcf-pinholes", false, "ASA h323 map ras-rcf-pinholes: a registration's pinhole admits calls from any endpoint, not only the gatekeeper"),
            AlgOptionDescriptor.Flag("state-checking", false, "ASA h323 map state-checking ras: drop RAS messages out of state") with { ActedOn = false },
            AlgOptionDescriptor.Flag(H323Q931AlgDescriptor.H460StandAside, false, "H.460.18/19 traversal deployment: the H.323 ALGs pass every message untouched and open nothing"),
        ],
        [new AlgAlias(Dialect.Ios, "ras"), new AlgAlias(Dialect.Asa, "h323 ras"), new AlgAlias(Dialect.Ios, "gatekeeper")],
        Implemented: true);
}
