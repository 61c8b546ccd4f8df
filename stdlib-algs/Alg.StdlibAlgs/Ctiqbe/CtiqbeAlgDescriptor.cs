using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Ctiqbe;

/// <summary>Declaration of the <c>ctiqbe</c> ALG: Cisco TAPI/JTAPI (CTIQBE) media addresses.</summary>
public static class CtiqbeAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "ctiqbe",
        "Cisco TAPI/JTAPI (CTIQBE) media addresses",
        [AlgPort.Tcp(2748)],
        [],
        [new AlgAlias(Dialect.Asa, "ctiqbe")]);
}
