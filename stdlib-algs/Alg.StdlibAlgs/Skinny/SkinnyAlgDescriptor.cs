using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Skinny;

/// <summary>Declaration of the <c>skinny</c> ALG: Cisco SCCP (Skinny) phones: media addresses in OpenReceiveChannel.</summary>
public static class SkinnyAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "skinny",
        "Cisco SCCP (Skinny) phones: media addresses in OpenReceiveChannel",
        [AlgPort.Tcp(2000)],
        [],
        [new AlgAlias(Dialect.Ios, "skinny"), new AlgAlias(Dialect.Asa, "skinny"), new AlgAlias(Dialect.ScreenOs, "sccp"), new AlgAlias(Dialect.Junos, "sccp")]);
}
