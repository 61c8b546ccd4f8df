using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Http;

/// <summary>Declaration of the <c>http</c> ALG: HTTP inspection.</summary>
public static class HttpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "http",
        "HTTP inspection",
        [AlgPort.Tcp(80)],
        [],
        [new AlgAlias(Dialect.Asa, "http")]);
}
