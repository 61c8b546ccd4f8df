using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Gtp;

/// <summary>Declaration of the <c>gtp</c> ALG: GPRS tunnelling protocol.</summary>
public static class GtpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "gtp",
        "GPRS tunnelling protocol",
        [AlgPort.Udp(2123), AlgPort.Udp(3386)],
        [],
        [new AlgAlias(Dialect.Asa, "gtp")]);
}
