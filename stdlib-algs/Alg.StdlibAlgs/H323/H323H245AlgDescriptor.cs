using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.H323;

/// <summary>Declaration of the <c>h323-h245</c> ALG: H.323 media control: H.245 on the address the Q.931 exchange signals (ITU-T H.245).</summary>
public static class H323H245AlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "h323-h245",
        "H.323 media control: H.245 on the address the Q.931 exchange signals (ITU-T H.245)",
        [],
        [],
        [new AlgAlias(Dialect.Asa, "h245")]);
}
