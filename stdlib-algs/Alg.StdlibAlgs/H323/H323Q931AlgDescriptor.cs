using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.H323;

/// <summary>Declaration of the <c>h323-q931</c> ALG: H.323 call signalling: H.225.0 Q.931 over TPKT (ITU-T H.225.0).</summary>
public static class H323Q931AlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "h323-q931",
        "H.323 call signalling: H.225.0 Q.931 over TPKT (ITU-T H.225.0)",
        [AlgPort.Tcp(1720)],
        [
            AlgOptionDescriptor.Duration("h225-timeout", 0, 4_294_967, 3600, "ASA timeout h225: idle time of an H.225 signalling connection"),
            AlgOptionDescriptor.Duration("media-timeout", 0, 4_294_967, 300, "ASA timeout h323: idle time of H.245 and media flows"),
        ],
        [new AlgAlias(Dialect.Ios, "h225"), new AlgAlias(Dialect.Asa, "h323 h225"), new AlgAlias(Dialect.ScreenOs, "h323"), new AlgAlias(Dialect.Junos, "h323")]);
}
