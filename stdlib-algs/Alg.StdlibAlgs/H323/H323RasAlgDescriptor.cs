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
            AlgOptionDescriptor.Duration("endpoint-registration-timeout", 0, 4_294_967, 3600, "Junos: how long a RAS registration pinhole lives", inferred: true, dialects: [Dialect.Junos]),
        ],
        [new AlgAlias(Dialect.Ios, "ras"), new AlgAlias(Dialect.Asa, "h323 ras"), new AlgAlias(Dialect.Ios, "gatekeeper")]);
}
