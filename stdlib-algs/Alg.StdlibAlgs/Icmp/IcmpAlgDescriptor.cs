using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Icmp;

/// <summary>Declaration of the <c>icmp</c> ALG: ICMP stateful inspection.</summary>
public static class IcmpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "icmp",
        "ICMP stateful inspection",
        [],
        [],
        [new AlgAlias(Dialect.Asa, "icmp")]);
}
