using Alg.Grammar.Common;

namespace Alg.Grammar.Junos;

/// <summary>
/// Junos hierarchies that are valid on the device and have no bearing on translation or ALGs. Lines under
/// them load silently, whatever the verb; anything not here and not modelled is reported.
/// </summary>
internal static class JunosIgnoredCommands
{
    public static readonly string[] Verbs = ["set", "delete", "deactivate", "activate"];

    private static readonly string[] Hierarchies =
    [
        "version", "system", "chassis", "services", "snmp", "routing-options", "routing-instances", "protocols",
        "policy-options", "class-of-service", "firewall", "access", "event-options", "forwarding-options",
        "groups", "apply-groups", "vlans", "bridge-domains", "poe", "ethernet-switching-options", "multi-chassis",
        "security ike", "security ipsec", "security screen", "security flow", "security log", "security pki",
        "security application-tracking", "security utm", "security idp", "security dynamic-address", "security forwarding-options",
        "security ssh-known-hosts", "security authentication-key-chains", "security certificates", "security user-identification",
        "security application-firewall", "security gprs", "security alarms", "security zones functional-zone", "logical-systems",
        "switch-options", "virtual-chassis", "wlan", "schedulers", "tenants", "smtp",
    ];

    public static IEnumerable<CommandPrefix> All =>
        Verbs.SelectMany(verb => Hierarchies.Select(path => new CommandPrefix($"{verb} {path}")));
}
