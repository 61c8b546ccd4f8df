using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Pptp;

/// <summary>Declaration of the <c>pptp</c> ALG: PPTP control with enhanced GRE call-id translation (RFC 2637).</summary>
public static class PptpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "pptp",
        "PPTP control with enhanced GRE call-id translation (RFC 2637)",
        [AlgPort.Tcp(1723)],
        [
            AlgOptionDescriptor.Duration("gre-timeout", 0, 4_294_967, 120, "ASA timeout pptp-gre / IOS pptp-timeout: idle time of a call's GRE tunnel (0: never)"),
        ],
        [new AlgAlias(Dialect.Ios, "pptp"), new AlgAlias(Dialect.Asa, "pptp"), new AlgAlias(Dialect.ScreenOs, "pptp"), new AlgAlias(Dialect.Junos, "pptp")],
        Implemented: true);
}
