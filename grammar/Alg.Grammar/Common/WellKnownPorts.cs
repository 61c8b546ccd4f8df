using System.Collections.Frozen;

namespace Alg.Grammar.Common;

/// <summary>Port and protocol names Cisco accepts in place of numbers (IOS and ASA share them).</summary>
public static class WellKnownPorts
{
    // Plain dictionaries for the look-ups: a FrozenDictionary over int or byte values is a generic instantiation
    // ReadyToRun does not precompile, and building the two cost about thirty-five JIT-compiled methods at every
    // start. The frozen copies exist only for the name lists "did you mean" walks, in the order it always saw.
    private static readonly Dictionary<string, int> Ports = new(StringComparer.OrdinalIgnoreCase)
    {
        // IOS / IOS-XE keywords (Cisco IOS Security Command Reference, "permit (IP)", port name tables).
        ["bfd"] = 3784, ["bfd-echo"] = 3785, ["drip"] = 3949, ["gdoi"] = 848, ["lisp"] = 4342, ["msrpc"] = 135,
        ["non500-isakmp"] = 4500, ["onep-plain"] = 15001, ["onep-tls"] = 15002, ["ripv6"] = 521,

        ["aol"] = 5190, ["bgp"] = 179, ["biff"] = 512, ["bootpc"] = 68, ["bootps"] = 67, ["chargen"] = 19,
        ["cifs"] = 3020, ["citrix-ica"] = 1494, ["cmd"] = 514, ["ctiqbe"] = 2748, ["daytime"] = 13, ["discard"] = 9,
        ["dnsix"] = 195, ["domain"] = 53, ["echo"] = 7, ["exec"] = 512, ["finger"] = 79, ["ftp"] = 21,
        ["ftp-data"] = 20, ["gopher"] = 70, ["h323"] = 1720, ["hostname"] = 101, ["http"] = 80, ["https"] = 443,
        ["ident"] = 113, ["imap4"] = 143, ["irc"] = 194, ["isakmp"] = 500, ["kerberos"] = 750, ["klogin"] = 543,
        ["kshell"] = 544, ["ldap"] = 389, ["ldaps"] = 636, ["login"] = 513, ["lotusnotes"] = 1352, ["lpd"] = 515,
        ["mobile-ip"] = 434, ["nameserver"] = 42, ["netbios-dgm"] = 138, ["netbios-ns"] = 137, ["netbios-ss"] = 139,
        ["netbios-ssn"] = 139, ["nntp"] = 119, ["ntp"] = 123, ["pcanywhere-data"] = 5631, ["pcanywhere-status"] = 5632,
        ["pim-auto-rp"] = 496, ["pop2"] = 109, ["pop3"] = 110, ["pptp"] = 1723, ["radius"] = 1645,
        ["radius-acct"] = 1646, ["rip"] = 520, ["rsh"] = 514, ["rtsp"] = 554, ["secureid-udp"] = 5510, ["sip"] = 5060,
        ["smtp"] = 25, ["snmp"] = 161, ["snmptrap"] = 162, ["sqlnet"] = 1521, ["ssh"] = 22, ["sunrpc"] = 111,
        ["syslog"] = 514, ["tacacs"] = 49, ["talk"] = 517, ["telnet"] = 23, ["tftp"] = 69, ["time"] = 37,
        ["uucp"] = 540, ["who"] = 513, ["whois"] = 43, ["www"] = 80, ["xdmcp"] = 177,
    };

    private static readonly Dictionary<string, int> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ahp"] = 51, ["ah"] = 51, ["eigrp"] = 88, ["esp"] = 50, ["gre"] = 47, ["icmp"] = 1, ["icmp6"] = 58,
        ["igmp"] = 2, ["igrp"] = 9, ["ipinip"] = 4, ["ipsec"] = 50, ["nos"] = 94, ["ospf"] = 89, ["pcp"] = 108,
        ["pim"] = 103, ["pptp"] = 47, ["sctp"] = 132, ["snp"] = 109, ["tcp"] = 6, ["udp"] = 17,
    };

    private static FrozenDictionary<string, int>? _frozenPorts;
    private static FrozenDictionary<string, byte>? _frozenProtocols;

    public static IEnumerable<string> PortNames => (_frozenPorts ??= Ports.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)).Keys;

    public static IEnumerable<string> ProtocolNames =>
        (_frozenProtocols ??= Protocols.ToFrozenDictionary(pair => pair.Key, pair => (byte)pair.Value, StringComparer.OrdinalIgnoreCase)).Keys;

    public static bool TryPort(string text, out int port)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port))
        {
            return port is >= 0 and <= 65535;
        }

        return Ports.TryGetValue(text, out port);
    }

    /// <summary>Protocol number for a name or number; <c>ip</c> (any protocol) gives null.</summary>
    public static bool TryProtocol(string text, out byte? protocol)
    {
        protocol = null;
        if (string.Equals(text, "ip", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (byte.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            protocol = number;
            return true;
        }

        if (Protocols.TryGetValue(text, out var known))
        {
            protocol = (byte)known;
            return true;
        }

        return false;
    }
}
