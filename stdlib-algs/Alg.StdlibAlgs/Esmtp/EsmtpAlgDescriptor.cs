using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Esmtp;

/// <summary>Declaration of the <c>esmtp</c> ALG: ESMTP command filtering.</summary>
public static class EsmtpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "esmtp",
        "ESMTP command filtering",
        [AlgPort.Tcp(25)],
        [],
        [new AlgAlias(Dialect.Asa, "esmtp"), new AlgAlias(Dialect.Asa, "smtp")]);
}
