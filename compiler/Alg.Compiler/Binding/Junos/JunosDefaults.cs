using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>What a Junos SRX does before any line says otherwise (vendor-syntax.md §4).</summary>
/// <remarks>
/// [V] SIP is on by default (<c>set security alg sip disable</c> turns it off) with inactive-media-timeout 120,
/// c-timeout 3, maximum-call-duration 720, t1-interval 500, t4-interval 5; MGCP inactive-media-timeout 120 and
/// transaction-timeout 30. [I] The other ALGs are taken to be on as well (each has a <c>disable</c> knob) and
/// h323 endpoint-registration-timeout 3600, sunrpc and msrpc map-entry-timeout 480 minutes: marked inferred.
/// </remarks>
public static class JunosDefaults
{
    public static readonly IReadOnlyList<AlgDefault> Algs =
    [
        new("sip", true, Options: new Dictionary<string, long> { ["media-timeout"] = 120 }),
        new("mgcp", true, Options: new Dictionary<string, long> { ["media-timeout"] = 120, ["transaction-timeout"] = 30 }, Inferred: true),
        new("h323-q931", true, Inferred: true),
        new("h323-h245", true, Inferred: true),
        new("h323-ras", true, Inferred: true),
        new("ftp", true, Inferred: true),
        new("tftp", true, Inferred: true),
        new("dns", true, Inferred: true),
        new("rsh", true, Inferred: true),
        new("rtsp", true, Inferred: true),
        new("pptp", true, Inferred: true),
        new("msrpc", true, Options: new Dictionary<string, long> { ["map-entry-timeout"] = 480 }, Inferred: true),
        new("sunrpc", true, Options: new Dictionary<string, long> { ["map-entry-timeout"] = 480 }, Inferred: true),
        new("sqlnet", true, Inferred: true),
        new("skinny", true, Inferred: true),
        new("sctp", true, Inferred: true),
    ];

    /// <summary>Junos option keywords and the canonical (ALG, option) each sets.</summary>
    public static readonly IReadOnlyDictionary<(string Alg, string Option), (string Alg, string Option)> OptionNames =
        new Dictionary<(string, string), (string, string)>
        {
            [("sip", "inactive-media-timeout")] = ("sip", "media-timeout"),
            [("sip", "c-timeout")] = ("sip", "c-timeout"),
            [("sip", "maximum-call-duration")] = ("sip", "maximum-call-duration"),
            [("sip", "t1-interval")] = ("sip", "t1-interval"),
            [("sip", "t4-interval")] = ("sip", "t4-interval"),
            [("mgcp", "inactive-media-timeout")] = ("mgcp", "media-timeout"),
            [("mgcp", "transaction-timeout")] = ("mgcp", "transaction-timeout"),
            [("h323", "endpoint-registration-timeout")] = ("h323-ras", "endpoint-registration-timeout"),
            [("h323", "media-source-port-any")] = ("h323-h245", "media-source-port-any"),
            [("sunrpc", "map-entry-timeout")] = ("sunrpc", "map-entry-timeout"),
            [("sunrpc", "group-max-usage")] = ("sunrpc", "group-max-usage"),
            [("msrpc", "map-entry-timeout")] = ("msrpc", "map-entry-timeout"),
            [("msrpc", "group-max-usage")] = ("msrpc", "group-max-usage"),
        };

    /// <summary>Junos ALG settings that are valid but change nothing Alg translates (traceoptions, application screens).</summary>
    public static readonly IReadOnlySet<string> UnmodelledOptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "traceoptions", "application-screen", "retain-hold-resource", "dscp-rewrite", "enable-call-hold",
        "hide-via-headers", "distribution-ip", "media-source-port-any", "maximum-message-length", "oversize-message-drop",
    };

    /// <summary>SRX source NAT with a pool translates ports and keeps one mapping per inside endpoint.</summary>
    public static readonly NatBehavior Behavior = new(
        MappingBehavior.EndpointIndependent,
        FilteringBehavior.AddressAndPortDependent,
        PortPreservation: false,
        ConsistentNat: true,
        Hairpinning: false,
        SourceSpan.None);
}
