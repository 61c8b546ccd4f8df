using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Mmp;

/// <summary>Declaration of the <c>mmp</c> ALG: Cisco Mobility Advantage MMP.</summary>
public static class MmpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "mmp",
        "Cisco Mobility Advantage MMP",
        [AlgPort.Tcp(5443)],
        [],
        [new AlgAlias(Dialect.Asa, "mmp")]);
}
