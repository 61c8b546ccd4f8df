using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.H323;

/// <summary>Declaration of the <c>h323-q931</c> ALG: H.323 call signalling: H.225.0 Q.931 over TPKT (ITU-T H.225.0).</summary>
public static class H323Q931AlgDescriptor
{
    /// <summary>The option that makes the H.323 ALGs stand aside for an H.460.18/19 traversal deployment (algs.md §4.6).</summary>
    public const string H460StandAside = "h460-stand-aside";

    public static readonly AlgDescriptor Instance = new(
        "h323-q931",
        "H.323 call signalling: H.225.0 Q.931 over TPKT (ITU-T H.225.0)",
        [AlgPort.Tcp(1720)],
        [
            AlgOptionDescriptor.Duration("h225-timeout", 0, 4_294_967, 3600, "ASA timeout h225: idle time of an H.225 signalling connection") with { ActedOn = false },
            AlgOptionDescriptor.Duration("media-timeout", 0, 4_294_967, 300, "ASA timeout h323: how long the H.245 and media pinholes of a call wait"),
            AlgOptionDescriptor.Flag("h245-tunnel-block", false, "ASA h323 map h245-tunnel-block action drop-connection: drop a connection that tunnels H.245"),
            AlgOptionDescriptor.Flag("state-checking", false, "ASA h323 map state-checking h225: drop H.225 messages out of call state") with { ActedOn = false },
            AlgOptionDescriptor.Duration("call-duration-limit", 0, 4_294_967, 0, "ASA h323 map call-duration-limit: end a call after this long (0: no limit)") with { ActedOn = false },
            AlgOptionDescriptor.Flag(H460StandAside, false, "H.460.18/19 traversal deployment: the H.323 ALGs pass every message untouched and open nothing"),
        ],
        [new AlgAlias(Dialect.Ios, "h225"), new AlgAlias(Dialect.Asa, "h323 h225"), new AlgAlias(Dialect.ScreenOs, "h323"), new AlgAlias(Dialect.Junos, "h323")],
        Implemented: true);
}
