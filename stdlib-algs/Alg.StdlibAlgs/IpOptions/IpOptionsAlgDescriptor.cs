using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.IpOptions;

/// <summary>Declaration of the <c>ip-options</c> ALG: IP options filtering.</summary>
public static class IpOptionsAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "ip-options",
        "IP options filtering",
        [],
        [],
        [new AlgAlias(Dialect.Asa, "ip-options")]);
}
