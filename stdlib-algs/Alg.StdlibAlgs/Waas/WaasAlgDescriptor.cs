using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Waas;

/// <summary>Declaration of the <c>waas</c> ALG: WAAS option handling.</summary>
public static class WaasAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "waas",
        "WAAS option handling",
        [],
        [],
        [new AlgAlias(Dialect.Asa, "waas")]);
}
