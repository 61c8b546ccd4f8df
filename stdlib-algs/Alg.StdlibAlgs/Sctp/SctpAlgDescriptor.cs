using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>Declaration of the <c>sctp</c> ALG: SCTP associations, multi-homed addresses in INIT/INIT-ACK (RFC 9260).</summary>
public static class SctpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "sctp",
        "SCTP associations, multi-homed addresses in INIT/INIT-ACK (RFC 9260)",
        [],
        [],
        [new AlgAlias(Dialect.Asa, "sctp"), new AlgAlias(Dialect.ScreenOs, "sctp"), new AlgAlias(Dialect.Junos, "sctp")]);
}
