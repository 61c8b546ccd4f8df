using Alg.Grammar.Common;

namespace Alg.Grammar.Ios;

/// <summary>
/// IOS commands that are valid on the device and have no bearing on translation, filtering or ALGs.
/// They load silently (Batfish's "null" rules); anything not here and not modelled is reported.
/// </summary>
internal static class IosIgnoredCommands
{
    private static readonly string[] Lines =
    [
        "aaa", "alias", "archive", "arp", "boot", "boot-start-marker", "boot-end-marker", "bridge", "buffers", "cdp",
        "clock", "config-register", "crypto isakmp", "crypto ipsec", "default", "dot11", "enable", "exception",
        "file", "hw-module", "ip bootp", "ip cef", "ip classless", "ip default-gateway", "ip dhcp excluded-address",
        "ip domain", "ip domain-list", "ip domain-lookup", "ip domain-name", "ip dns", "ip finger", "ip forward-protocol",
        "ip ftp", "ip host", "ip http", "ip multicast-routing", "ip name-server", "ip nat log", "ip nat settings",
        "ip nat create", "ip nat switchover", "ip nat stateful", "ip nat sip-sbc", "ip nat portmap", "ip ospf",
        "ip route", "ip routing", "ip scp", "ip source-route", "ip ssh", "ip subnet-zero", "ip tcp", "ip telnet",
        "ip tftp", "ip wccp", "ip sla schedule", "ip rcmd", "ip flow-export", "ip flow-cache", "ip audit", "ip ips",
        "ip vrf", "ip ddns", "ip igmp", "ip local", "ip radius", "ip tacacs", "ip icmp", "ip options",
        "ipv6 unicast-routing", "ipv6 cef", "ipv6 route", "license", "lldp", "logging", "login", "mac-address-table",
        "memory-size", "mls", "mpls", "multilink", "name-server", "network-clock-participate", "ntp", "platform",
        "power", "privilege", "radius-server", "scheduler", "security", "service", "snmp-server", "spanning-tree",
        "system", "tacacs-server", "username", "version", "vpdn", "vtp", "errdisable", "dialer-list", "chat-script",
        "card", "diagnostic", "port-channel", "process-max-time", "call", "sccp", "stcapp", "ephone-dn", "vlan internal",
        "secure", "cts", "vstack", "access-session", "table-map", "track", "event", "fax", "modemcap",
        "isdn", "voice-card", "warm-reboot", "qos", "auto", "transceiver", "ip ssh version", "ip sla responder",
        "ip as-path", "ip community-list", "ip explicit-path", "ip mroute",
        "ip pim", "ip msdp", "ip multicast", "ip accounting-threshold", "ip virtual-reassembly", "ip cef accounting",
        "ip gratuitous-arps", "ip dhcp", "ipv6", "spd", "memory", "set", "exit-address-family",

        // `show running-config` writes these around the configuration itself.
        "building configuration...", "current configuration",

        // Platform, management and voice settings seen in real configurations.
        "mmi", "subscriber", "wlccp", "mgcp", "call-home", "port monitor",

        // Wireless radio interface settings (Aironet access points running IOS).
        "encryption", "broadcast-key", "ssid", "authentication", "rts", "channel", "station-role", "dot1x",
        "bridge-group", "world-mode", "beacon", "antenna", "fragment-threshold", "speed basic",

        // Interface-mode settings: physical layer, queueing, routing protocols, other features.
        "speed", "duplex", "full-duplex", "half-duplex", "negotiation", "load-interval", "bandwidth", "mtu",
        "keepalive", "encapsulation", "switchport", "standby", "vrrp", "hold-queue", "queue-limit", "tx-ring-limit",
        "fair-queue", "pvc", "atm", "dsl", "channel-group", "storm-control", "media-type", "mac-address",
        "carrier-delay", "bundle-enable", "dialer", "dialer-group", "ppp", "pppoe", "pppoe-client", "protocol",
        "vbr-nrt", "ubr", "cbr", "max-reserved-bandwidth", "service-policy", "priority-queue", "traffic-shape",
        "tunnel", "peer", "autodetect", "mop", "snmp", "power", "poe", "auto", "delay", "backup",
        "ip unreachables", "ip proxy-arp", "ip redirects", "ip mtu", "ip tcp adjust-mss", "ip helper-address",
        "ip route-cache", "ip accounting", "ip bgp-community", "ip flow", "ip verify", "ip policy", "ip nbar",
        "ip directed-broadcast", "ip mask-reply", "ip information-reply", "ip local-proxy-arp", "ip rip",
        "ip summary-address", "ip bandwidth-percent", "ip hello-interval", "ip authentication", "ip split-horizon",
        "ip sap", "ip ips", "ip wccp", "ip igmp", "ip mroute-cache", "ip sdr", "ip dvmrp", "ip rsvp", "ip admission",
        "ip auth-proxy", "ip urd", "ip load-sharing", "ip cgmp", "ip irdp", "ip vrf sitemap", "crypto ipsec client",
    ];

    private static readonly string[] Blocks =
    [
        // IPv6 filters: Alg translates and filters IPv4 only, so an IPv6 list (and its `permit ipv6 ...` lines)
        // has no bearing on what it checks.
        "ipv6 access-list",

        "banner", "crypto pki", "crypto key", "crypto keyring", "crypto isakmp policy",
        "crypto isakmp profile", "crypto ipsec profile", "crypto ipsec transform-set", "crypto dynamic-map",
        "control-plane", "voice", "voice service", "voice class", "voice translation-rule", "voice register",
        "dial-peer", "key chain", "vlan", "redundancy", "parameter-map",
        "ip dhcp pool", "controller", "telephony-service", "ephone", "gatekeeper", "gateway", "sip-ua",
        "ip vrf", "vrf definition", "template", "application", "ipv6 dhcp pool", "flow", "monitor", "ip explicit-path",
        "ip access-list log-update", "ip access-list logging", "object-group ipv6", "mgcp profile",
        "track", "event manager", "archive", "wsma", "alarm-profile", "ip ips config", "call-manager-fallback",
        "username", "ipv6 router", "l2tp-class", "pseudowire-class", "interface range", "macro",
        "lldp", "scheduler", "ip http", "multilink bundle-name", "ip local pool", "bba-group",
        "aaa group server", "time-range", "ephone-dn-template", "ephone-template", "virtual-service", "crypto ca",
        "voice-port", "dspfarm", "dspfarm profile", "sccp ccm group", "ephone-dn",
        "bridge irb", "dot11 ssid", "radius-server group", "aaa server radius", "stcapp feature",
    ];

    // Blocks whose lines need not be indented: they end at a closing word.
    private static readonly (string Words, string EndsWith)[] TerminatedBlocks =
    [
        ("certificate", "quit"),
    ];

    public static IEnumerable<CommandPrefix> All =>
        Lines.Select(words => new CommandPrefix(words))
            .Concat(Blocks.Select(words => new CommandPrefix(words, OpensBlock: true)))
            .Concat(TerminatedBlocks.Select(block => new CommandPrefix(block.Words, OpensBlock: true, block.EndsWith)));
}
