using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>What a ScreenOS firewall does before any line says otherwise (vendor-syntax.md §3).</summary>
/// <remarks>
/// [V] Juniper NSM documentation, high-end 6.0+: H.323, SIP, MGCP, SCCP, MSRPC, SunRPC, SQL and PPTP are off;
/// FTP, DNS, RSH, TFTP and SCTP are on; SIP signalling inactivity 43200 s and media inactivity 120 s.
/// [I] RTSP (on), Apple iChat and IPsec-NAT (off) are not in that list: marked inferred so lint can say so.
/// </remarks>
public static class ScreenOsDefaults
{
    public static readonly IReadOnlyList<AlgDefault> Algs =
    [
        new("ftp", true),
        new("dns", true),
        new("rsh", true),
        new("tftp", true),
        new("sctp", true),
        new("rtsp", true, Inferred: true),
        new("h323-q931", false),
        new("h323-h245", false),
        new("h323-ras", false),
        new("sip", false, Options: new Dictionary<string, long> { ["signaling-timeout"] = 43200, ["media-timeout"] = 120 }),
        new("mgcp", false),
        new("skinny", false),
        new("msrpc", false),
        new("sunrpc", false),
        new("sqlnet", false),
        new("pptp", false),
        new("appleichat", false, Inferred: true),
        new("ipsec-nat", false, Inferred: true),
    ];

    /// <summary>ScreenOS option keywords [I: vendor-syntax.md §3] and the canonical (ALG, option) each sets.</summary>
    public static readonly IReadOnlyDictionary<(string Alg, string Option), string> OptionNames = new Dictionary<(string, string), string>
    {
        [("sip", "media-inactivity-timeout")] = "media-timeout",
        [("sip", "signaling-inactivity-timeout")] = "signaling-timeout",
        [("sip", "app-screen")] = "unknown-message",
        [("appleichat", "call-answer-time")] = "call-answer-time",
        [("appleichat", "re-assembly")] = "re-assembly",
        [("ipsec-nat", "timeout")] = "timeout",
    };

    /// <summary>Zones every ScreenOS device has without a <c>set zone</c> line.</summary>
    public static readonly IReadOnlyList<string> PredefinedZones =
        ["Trust", "Untrust", "DMZ", "Global", "MGT", "Self", "HA", "Null", "Untrust-Tun", "V1-Trust", "V1-Untrust", "V1-DMZ", "V1-Null", "VLAN"];

    /// <summary>Zones whose interfaces face the inside or the outside of the translator.</summary>
    public static InterfaceRole RoleOfZone(string zone) =>
        string.Equals(zone, "Trust", StringComparison.OrdinalIgnoreCase) ? InterfaceRole.Inside
        : string.Equals(zone, "Untrust", StringComparison.OrdinalIgnoreCase) ? InterfaceRole.Outside
        : InterfaceRole.Unassigned;

    /// <summary>ScreenOS source NAT with a DIP pool translates ports (unless fix-port) and keeps one mapping per inside endpoint.</summary>
    public static readonly NatBehavior Behavior = new(
        MappingBehavior.EndpointIndependent,
        FilteringBehavior.AddressAndPortDependent,
        PortPreservation: false,
        ConsistentNat: true,
        Hairpinning: false,
        SourceSpan.None);
}
