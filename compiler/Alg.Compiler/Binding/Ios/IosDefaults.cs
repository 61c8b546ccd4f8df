using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>What an IOS router does before any line says otherwise.</summary>
/// <remarks>
/// ALGs: every `ip nat service` ALG is on by default and only the `no` form shows in show-run
/// (vendor-syntax.md §1, from the IOS-XE NAT YANG model); default ports are inferred there too.
/// Timers: the Cisco command reference defaults.
/// </remarks>
public static class IosDefaults
{
    public static readonly IReadOnlyList<AlgDefault> Algs =
    [
        new("sip", true, [AlgPort.Udp(5060), AlgPort.Tcp(5060)], Inferred: true),
        new("skinny", true, [AlgPort.Tcp(2000)], Inferred: true),
        new("h323-q931", true, [AlgPort.Tcp(1720)], Inferred: true),
        new("h323-h245", true),
        new("h323-ras", true, [AlgPort.Udp(1719)], Inferred: true),
        new("pptp", true, Options: new Dictionary<string, long> { ["gre-timeout"] = 86400 }),
        new("ftp", true),
        new("rtsp", true),
        new("tftp", true),
        new("ldap", true),
        new("rsh", true),
        new("dns", true),
        new("netbios", true),
        new("sunrpc", true),
        new("msrpc", true),
        new("mgcp", true, Inferred: true),
        new("ipsec-nat", false),
    ];

    public static readonly IReadOnlyDictionary<string, long?> Timers = new Dictionary<string, long?>
    {
        ["translation"] = 86400,
        ["udp"] = 300,
        ["dns"] = 60,
        ["tcp"] = 86400,
        ["tcp-finrst"] = 60,
        ["icmp"] = 60,
        ["gre"] = 86400,
        ["tcp-syn"] = 60,
    };

    /// <summary>IOS timer keywords and the vendor-neutral timer each sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> TimerNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["timeout"] = "translation",
        ["udp-timeout"] = "udp",
        ["dns-timeout"] = "dns",
        ["tcp-timeout"] = "tcp",
        ["finrst-timeout"] = "tcp-finrst",
        ["icmp-timeout"] = "icmp",
        ["pptp-timeout"] = "gre",
        ["syn-timeout"] = "tcp-syn",
        ["arp-ping-timeout"] = "arp-ping",
        ["routemap-entry-timeout"] = "route-map-entry",
    };

    /// <summary>IOS's PAT keeps one mapping per inside endpoint and filters replies by the remote endpoint.</summary>
    public static readonly NatBehavior Behavior = new(
        MappingBehavior.EndpointIndependent,
        FilteringBehavior.AddressAndPortDependent,
        PortPreservation: true,
        ConsistentNat: true,
        Hairpinning: false,
        SourceSpan.None);
}
