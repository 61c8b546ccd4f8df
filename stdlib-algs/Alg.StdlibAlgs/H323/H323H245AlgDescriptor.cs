using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.H323;

/// <summary>Declaration of the <c>h323-h245</c> ALG: H.323 media control: H.245 on the address the Q.931 exchange signals (ITU-T H.245).</summary>
/// <remarks>It has no port: its connections are the ones an h245Address opens, handed to it by the Q.931 ALG's
/// pinhole (<c>ExpectationSpec.InspectedBy</c>).</remarks>
public static class H323H245AlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "h323-h245",
        "H.323 media control: H.245 on the address the Q.931 exchange signals (ITU-T H.245)",
        [],
        [
            AlgOptionDescriptor.Duration("media-timeout", 0, 4_294_967, 300, "ASA timeout h323: how long a logical channel's media pinholes wait"),
            AlgOptionDescriptor.Flag("media-source-port-any", false, "Junos h323 media-source-port-any: accept media from any source port (always so: H.245 does not announce the sender's port)") with { Dialects = [Dialect.Junos], ActedOn = false },
        ],
        [new AlgAlias(Dialect.Asa, "h245")],
        Implemented: true);
}
