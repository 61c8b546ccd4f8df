using Alg.Grammar.Common;

namespace Alg.Grammar.ScreenOs;

/// <summary>
/// ScreenOS commands that are valid on the device and have no bearing on translation, filtering or ALGs.
/// They load silently; anything not here and not modelled is reported.
/// </summary>
internal static class ScreenOsIgnoredCommands
{
    private static readonly string[] Commands =
    [
        "admin", "auth", "auth-server", "clock", "console", "crypto-policy", "dbuf", "dns", "domain", "envar", "firewall",
        "flow", "ike", "ipsec", "key", "license-key", "nsm", "nsmgmt", "nsrp", "ntp", "pki", "route", "scheduler",
        "snmp", "ssh", "ssl", "syslog", "telnet", "url", "user", "user-group", "vpn", "vpnmonitor", "webtrends", "arp",
        "config", "av", "di", "ips", "log", "alarm", "counter", "dhcp", "pppoe", "ppp", "wlan", "xauth",
        "igmp", "multicast", "modem", "serial", "session", "timer", "igmp", "sip", "ike-cookie", "attack",
    ];

    public static IEnumerable<CommandPrefix> All =>
        Commands.Distinct().SelectMany(word => new[] { new CommandPrefix("set " + word), new CommandPrefix("unset " + word) });
}
