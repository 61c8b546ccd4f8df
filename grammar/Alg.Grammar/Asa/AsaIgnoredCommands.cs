using Alg.Grammar.Common;

namespace Alg.Grammar.Asa;

/// <summary>
/// ASA / PIX / FWSM commands that are valid on the device and have no bearing on translation, filtering or
/// inspection. They load silently (Batfish's "null" rules); anything not here and not modelled is reported.
/// </summary>
internal static class AsaIgnoredCommands
{
    private static readonly string[] Lines =
    [
        "aaa", "aaa-server", "arp", "asdm", "asp", "auth-prompt", "banner", "boot", "clear", "clock", "command-alias",
        "console", "crypto ipsec", "crypto map", "crypto isakmp identity", "crypto isakmp enable", "crypto ikev1 enable",
        "crypto ikev2 enable", "crypto dynamic-map", "crypto ca", "dhcpd", "dhcprelay", "dns domain-lookup", "dns-guard",
        "domain-name", "dynamic-access-policy-record", "enable password", "enable secret", "failover", "filter",
        "firewall", "floodguard", "ftp", "http", "icmp", "ip local", "ip verify", "ip audit", "ipv6", "isakmp",
        "jumbo-frame", "license", "logging", "mac-address-table", "management-access", "monitor-interface", "mtu",
        "nat-control", "no-payload", "ntp", "object-group-search", "pager", "passwd", "pdm", "prompt", "quit", "route",
        "same-security-traffic", "service", "snmp-server", "ssh", "ssl", "sysopt", "telnet", "terminal", "threat-detection",
        "tls-proxy", "user-identity", "virtual", "vpdn", "vpn-addr-assign", "vpn-sessiondb", "vpnclient", "wccp", "xlate",
        "access-list compiled", "access-list alert-interval", "access-list deny-flow-max", "regex", "dynamic-filter",
        "scansafe", "password-policy", "multicast-routing", "prefix-list", "ip-client", "tftp-server", "priority-queue", "resource",
        "mac-address", "object-group-search", "authentication", "flow-export", "hpm", "webvpn", "no-nat", "username",
        "group-policy", "tunnel-group", "call-home reporting", "crypto key", "coredump", "password", "fips", "ddns",

        // Interface-mode settings: physical layer, VLANs, routing protocols, other features.
        "speed", "duplex", "vlan", "switchport", "nve-only", "pppoe", "member-interface", "redundant",
        "channel-group", "ospf", "igmp", "pim", "flowcontrol", "delay", "lacp", "negotiation", "media-type", "mac-address",
        "ddns", "dhcp", "dhcprelay", "zone-member", "bfd", "authentication", "hello-interval",
    ];

    // Commands that open a sub-mode whose indented lines belong to them.
    private static readonly string[] Blocks =
    [
        "aaa-server", "call-home", "crypto ca trustpoint", "crypto ca trustpool", "crypto ca certificate", "crypto isakmp policy",
        "crypto ikev1 policy", "crypto ikev2 policy", "crypto ipsec ikev1", "crypto ipsec ikev2", "crypto ipsec profile",
        "dns server-group", "dynamic-access-policy-record", "group-policy", "tunnel-group", "username", "webvpn",
        "router", "route-map", "snmp-map", "tcp-map", "ssl", "ldap", "class-map type management", "ipv6 dhcp pool",
        "threat-detection", "vpn", "zone", "time-range", "mac-list", "ctl-provider", "phone-proxy", "uc-ime",
        "dhcp-server", "anyconnect", "flow-export", "event manager", "failover group", "smart-licensing",
    ];

    public static IEnumerable<CommandPrefix> All =>
        Lines.Where(words => !Blocks.Contains(words)).Distinct().Select(words => new CommandPrefix(words))
            .Concat(Blocks.Select(words => new CommandPrefix(words, OpensBlock: true)));
}
