using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>What an ASA does before any line says otherwise (vendor-syntax.md §2).</summary>
/// <remarks>
/// ALGs: the factory <c>global_policy</c> inspects dns, ftp, h323 h225/ras, rsh, rtsp, esmtp, sqlnet, skinny,
/// sunrpc, xdmcp, sip, netbios, tftp and ip-options on the <c>match default-inspection-traffic</c> ports. That
/// list applies only to a file without a <c>global_policy</c> of its own: a file that has one says what is inspected.
/// Timers: the values a factory show-run prints.
/// </remarks>
public static class AsaDefaults
{
    /// <summary>Canonical ALG names the factory global_policy inspects.</summary>
    public static readonly IReadOnlySet<string> FactoryInspections = new HashSet<string>(StringComparer.Ordinal)
    {
        "dns", "ftp", "h323-q931", "h323-h245", "h323-ras", "rsh", "rtsp", "esmtp", "sqlnet", "skinny", "sunrpc", "xdmcp",
        "sip", "netbios", "tftp", "ip-options",
    };

    /// <summary>`match default-inspection-traffic` ports of each inspection [V: ASA guide].</summary>
    public static readonly IReadOnlyDictionary<string, AlgPort[]> DefaultInspectionPorts = new Dictionary<string, AlgPort[]>(StringComparer.Ordinal)
    {
        ["ctiqbe"] = [AlgPort.Tcp(2748)],
        ["msrpc"] = [AlgPort.Tcp(135)],
        ["dns"] = [AlgPort.Udp(53)],
        ["ftp"] = [AlgPort.Tcp(21)],
        ["gtp"] = [AlgPort.Udp(2123), AlgPort.Udp(3386)],
        ["h323-q931"] = [AlgPort.Tcp(1720)],
        ["h323-ras"] = [AlgPort.Udp(1718), AlgPort.Udp(1719)],
        ["http"] = [AlgPort.Tcp(80)],
        ["ldap"] = [AlgPort.Tcp(389)],
        ["ipsec-nat"] = [AlgPort.Udp(500)],
        ["mgcp"] = [AlgPort.Udp(2427), AlgPort.Udp(2727)],
        ["mmp"] = [AlgPort.Tcp(5443)],
        ["netbios"] = [AlgPort.Udp(137), AlgPort.Udp(138)],
        ["pptp"] = [AlgPort.Tcp(1723)],
        ["rsh"] = [AlgPort.Tcp(514)],
        ["rtsp"] = [AlgPort.Tcp(554)],
        ["sip"] = [AlgPort.Tcp(5060), AlgPort.Udp(5060)],
        ["skinny"] = [AlgPort.Tcp(2000)],
        ["esmtp"] = [AlgPort.Tcp(25)],
        ["snmp"] = [AlgPort.Udp(161), AlgPort.Udp(162)],
        ["sqlnet"] = [AlgPort.Tcp(1521)],
        ["sunrpc"] = [AlgPort.Udp(111), AlgPort.Tcp(111)],
        ["tftp"] = [AlgPort.Udp(69)],
        ["xdmcp"] = [AlgPort.Udp(177)],
    };

    /// <summary>The ALG table's starting point: the factory inspections, or nothing when the file has its own global_policy.</summary>
    public static IReadOnlyList<AlgDefault> Algs(bool factory) =>
        [.. DefaultInspectionPorts.Keys.Concat(FactoryInspections).Distinct()
            .Select(name => new AlgDefault(name, factory && FactoryInspections.Contains(name), DefaultInspectionPorts.GetValueOrDefault(name), InspectionOptions.GetValueOrDefault(name)))];

    /// <summary>What an inspection does that its ALG's own defaults do not say: ipsec-pass-thru lets the peer's ESP in
    /// through the pinhole its IKE opens (SPI matching).</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> InspectionOptions = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal)
    {
        ["ipsec-nat"] = new Dictionary<string, long> { ["spi-match"] = 1 },
    };

    public static readonly IReadOnlyDictionary<string, long?> Timers = new Dictionary<string, long?>
    {
        ["translation"] = 10800,
        ["pat-translation"] = 30,
        ["tcp"] = 3600,
        ["tcp-half-closed"] = 600,
        ["udp"] = 120,
        ["icmp"] = 2,
        ["sctp"] = 120,
    };

    /// <summary>ASA `timeout` names that set a policy timer, and the vendor-neutral timer each sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> TimerNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["xlate"] = "translation",
        ["pat-xlate"] = "pat-translation",
        ["conn"] = "tcp",
        ["half-closed"] = "tcp-half-closed",
        ["udp"] = "udp",
        ["icmp"] = "icmp",
        ["sctp"] = "sctp",
        ["floating-conn"] = "floating-connection",
        ["tcp-proxy-reassembly"] = "tcp-proxy-reassembly",
        ["conn-holddown"] = "connection-holddown",
        ["icmp-error"] = "icmp-error",
    };

    /// <summary>ASA `timeout` names that set an ALG option: (ALG, option). Underscore and hyphen spellings both occur.</summary>
    public static readonly IReadOnlyDictionary<string, (string Alg, string Option)> AlgTimerNames =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["sip"] = ("sip", "signaling-timeout"),
            ["sip_media"] = ("sip", "media-timeout"),
            ["sip-media"] = ("sip", "media-timeout"),
            ["sip-invite"] = ("sip", "invite-timeout"),
            ["sip_invite"] = ("sip", "invite-timeout"),
            ["sip-disconnect"] = ("sip", "disconnect-timeout"),
            ["sip_disconnect"] = ("sip", "disconnect-timeout"),
            ["sip-provisional-media"] = ("sip", "provisional-media-timeout"),
            ["sip_provisional_media"] = ("sip", "provisional-media-timeout"),
            ["h323"] = ("h323-q931", "media-timeout"),
            ["h225"] = ("h323-q931", "h225-timeout"),
            ["mgcp"] = ("mgcp", "media-timeout"),
            ["mgcp-pat"] = ("mgcp", "pat-timeout"),
            ["sunrpc"] = ("sunrpc", "pinhole-timeout"),
            ["rpc"] = ("sunrpc", "pinhole-timeout"),
            ["pptp-gre"] = ("pptp", "gre-timeout"),
        };

    /// <summary>`timeout` names valid on the device that govern nothing Alg translates (authentication, routing).</summary>
    public static readonly IReadOnlySet<string> IgnoredTimers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "uauth", "igp", "arp", "telnet", "ssh", "console", "gsn", "tcp-state-bypass",
    };

    /// <summary>Inspections the ASA offers that are not address-rewriting gateways Alg models.</summary>
    public static readonly IReadOnlySet<string> UnmodelledInspections = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ipv6", "lisp", "m3ua", "diameter", "radius-accounting", "vxlan", "stun", "scansafe", "cloud-web-security", "cluster",
        "im", "cifs", "dns-dynamic-filter", "rtp", "sctp",
    };

    /// <summary>ASA stateful PAT: one mapping per inside endpoint; replies filtered by the remote endpoint.</summary>
    public static readonly NatBehavior Behavior = new(
        MappingBehavior.EndpointIndependent,
        FilteringBehavior.AddressAndPortDependent,
        PortPreservation: true,
        ConsistentNat: true,
        Hairpinning: false,
        SourceSpan.None);
}
