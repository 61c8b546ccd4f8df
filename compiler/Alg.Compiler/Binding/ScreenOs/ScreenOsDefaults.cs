using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>What a ScreenOS firewall does before any line says otherwise (vendor-syntax.md §3).</summary>
/// <remarks>
/// [V] Juniper NSM 2012.2, "Enabling ALGs": from ScreenOS 6.0, H.323, SIP, MGCP, SCCP, MSRPC, SunRPC, SQL and PPTP
/// are off on the ISG-1000/2000 and NetScreen-2000/5000 lines; FTP, DNS, RSH, TFTP and SCTP are on on every
/// device; SIP signalling inactivity 43200 s and media inactivity 120 s. [V] ScreenOS 6.2 WebUI help: "All ALG
/// protocols are enabled by default on the security device" — so on every other device (SSG, small
/// NetScreens) those eight are on. [I] RTSP (on), Apple iChat and IPsec-NAT (off) are in neither list: marked
/// inferred so lint can say so. When the file does not show the family (<see cref="ScreenOsPlatformDetector"/>)
/// the high-end states are used and the eight that differ are marked inferred.
/// </remarks>
public static class ScreenOsDefaults
{
    /// <summary>The ALGs whose factory state depends on the device family.</summary>
    private static readonly HashSet<string> FamilyDependent =
        ["h323-q931", "h323-h245", "h323-ras", "sip", "mgcp", "skinny", "msrpc", "sunrpc", "sqlnet", "pptp"];

    /// <summary>The defaults of a device of the given family.</summary>
    public static IReadOnlyList<AlgDefault> AlgsFor(ScreenOsPlatformFamily family) => family switch
    {
        ScreenOsPlatformFamily.HighEnd => Algs,
        ScreenOsPlatformFamily.Branch => [.. Algs.Select(a => FamilyDependent.Contains(a.Name) ? a with { Enabled = true } : a)],
        _ => [.. Algs.Select(a => FamilyDependent.Contains(a.Name) ? a with { Inferred = true } : a)],
    };

    /// <summary>The defaults of the ISG-1000/2000 and NetScreen-2000/5000 lines.</summary>
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
        new("ipsec-nat", false, Options: new Dictionary<string, long> { ["spi-match"] = 1 }, Inferred: true),
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

    /// <summary>
    /// Services every ScreenOS device has without a <c>set service</c> line (the predefined service book of
    /// ScreenOS 6.x; names are matched without regard to case, and the ICMP, MS-RPC, SUN-RPC families by prefix).
    /// </summary>
    public static readonly IReadOnlySet<string> PredefinedServices = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ANY", "AOL", "APPLE-ICHAT-SNATMAP", "BGP", "CHARGEN", "DHCP-Relay", "DISCARD", "DNS", "ECHO", "FINGER", "FTP",
        "FTP-Get", "FTP-Put", "GNUTELLA", "GOPHER", "GRE", "GTP", "H.323", "HTTP", "HTTP-EXT", "HTTPS", "IDENT", "IKE",
        "IKE-NAT", "IMAP", "Internet Locator Service", "IRC", "L2TP", "LDAP", "LPR", "MAIL", "MGCP-CA", "MGCP-UA", "MSN",
        "NBDS", "NBNAME", "NetMeeting", "NFS", "NNTP", "NS Global", "NS Global PRO", "NSM", "NTP", "OSPF", "PC-Anywhere",
        "PING", "PINGv6", "POP3", "PPTP", "RADIUS", "Real Media", "REXEC", "RIP", "RLOGIN", "RSH", "RTSP", "SCCP",
        "SCTP-ANY", "SIP", "SMB", "SMTP", "SNMP", "SQL Monitor", "SQL*Net V1", "SQL*Net V2", "SSH", "SYSLOG", "TALK",
        "TCP-ANY", "TELNET", "TFTP", "TRACEROUTE", "UDP-ANY", "UUCP", "VDO Live", "VNC", "WAIS", "WHOIS", "WINFRAME",
        "X-WINDOWS", "YMSG", "HTTP-8080", "MS-SQL", "Citrix", "SUN-RPC", "MS-RPC", "TIMBUKTU", "IPSEC-NAT",
    };

    private static readonly string[] PredefinedServicePrefixes = ["ICMP", "MS-", "SUN-RPC", "MGCP", "SQL"];

    public static bool IsPredefinedService(string name) =>
        PredefinedServices.Contains(name) || PredefinedServicePrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Addresses a policy may name without an address book entry: <c>Any</c> and its IPv4/IPv6 forms.</summary>
    public static readonly IReadOnlySet<string> AnyAddresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Any", "Any-IPv4", "Any-IPv6", "Inside Any", "Outside Any",
    };

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
