using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.IcmpError;

/// <summary>Declaration of the <c>icmp-error</c> ALG: Translation of headers embedded in ICMP errors.</summary>
public static class IcmpErrorAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "icmp-error",
        "Translation of headers embedded in ICMP errors",
        [],
        [],
        [new AlgAlias(Dialect.Asa, "icmp error")]);
}
