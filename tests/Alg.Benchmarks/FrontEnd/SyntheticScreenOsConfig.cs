using System.Globalization;
using System.Text;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>
/// A ScreenOS backup of a given size, in the order and shape `get config` prints it: device settings, zones,
/// interfaces (tagged subinterfaces, NAT mode, MIPs, VIPs, DIPs, a DHCP-client uplink), address book and
/// groups per zone, custom services and service groups, policies with their multi-line contexts, routes.
/// </summary>
public static class SyntheticScreenOsConfig
{
    public static string Generate(int lines)
    {
        var text = new StringBuilder(lines * 60);
        var count = 0;

        void Line(string value)
        {
            text.Append(value).Append('\n');
            count++;
        }

        string F(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

        // Objects per zone and policies scale with the size; the fixed preamble is about 60 lines.
        var blocks = Math.Max(1, lines / 40);
        Line("set clock timezone 1");
        Line("set vrouter trust-vr sharable");
        Line("set vrouter \"untrust-vr\"");
        Line("exit");
        Line("set vrouter \"trust-vr\"");
        Line("unset auto-route-export");
        Line("exit");
        Line("set alg appleichat enable");
        Line("unset alg appleichat re-assembly enable");
        Line("set alg sctp enable");
        Line("set auth-server \"Local\" id 0");
        Line("set auth-server \"Local\" server-name \"Local\"");
        Line("set auth default auth server \"Local\"");
        Line("set admin name \"netscreen\"");
        Line("set admin password \"nKVUM2rwMUzPcrkG5sWIHdCtqkAibn\"");
        Line("set admin auth timeout 10");
        Line("set zone \"Trust\" vrouter \"trust-vr\"");
        Line("set zone \"Untrust\" vrouter \"trust-vr\"");
        Line("set zone \"DMZ\" vrouter \"trust-vr\"");
        Line("set zone id 100 \"Servers\"");
        Line("set zone \"Trust\" tcp-rst");
        Line("set zone \"Untrust\" block");
        Line("unset zone \"Untrust\" tcp-rst");
        Line("set zone \"Untrust\" screen tear-drop");
        Line("set zone \"Untrust\" screen syn-flood");
        Line("set zone \"Untrust\" screen ping-death");
        Line("set interface \"ethernet0/0\" zone \"Untrust\"");
        Line("set interface \"ethernet0/1\" zone \"DMZ\"");
        Line("set interface \"bgroup0\" zone \"Trust\"");
        Line("set interface \"ethernet0/2\" zone \"Untrust\"");
        Line("set interface ethernet0/0 ip 203.0.113.2/24");
        Line("set interface ethernet0/0 route");
        Line("set interface ethernet0/1 ip 172.16.1.1/24");
        Line("set interface ethernet0/1 nat");
        Line("set interface bgroup0 ip 192.168.1.1/24");
        Line("set interface bgroup0 nat");
        Line("set interface ethernet0/2 dhcp client enable");
        Line("set interface ethernet0/0 manage ping");
        Line("set interface bgroup0 manage ssh");
        Line("set interface bgroup0 manage https");
        Line("set interface ethernet0/0 dip 4 203.0.113.100 203.0.113.110");
        Line("set interface ethernet0/0 dip 5 203.0.113.120 203.0.113.125 fix-port");
        for (var i = 0; i < Math.Min(blocks, 200); i++)
        {
            Line(F($"set interface ethernet0/3.{i + 1} tag {i + 10} zone \"Servers\""));
            Line(F($"set interface ethernet0/3.{i + 1} ip 10.{100 + (i / 250)}.{i % 250}.1/24"));
            Line(F($"set interface ethernet0/3.{i + 1} route"));
        }

        var mips = Math.Min(blocks, 250);
        for (var i = 0; i < mips; i++)
        {
            Line(F($"set interface \"ethernet0/0\" mip 198.51.{100 + (i / 250)}.{i % 250} host 192.168.{10 + (i / 250)}.{i % 250} netmask 255.255.255.255 vr \"trust-vr\""));
        }

        Line("set interface ethernet0/0 vip interface-ip 443 \"HTTPS\" 192.168.1.20");
        Line("set interface ethernet0/0 vip 203.0.113.3 80 \"HTTP\" 192.168.1.21");
        Line("set flow tcp-mss");
        Line("set hostname fw-edge-01");
        Line("set address \"Untrust\" \"internet-dns\" 192.0.2.53 255.255.255.255");

        var zones = new[] { "Trust", "DMZ", "Servers", "Untrust" };
        var addressesPerZone = Math.Max(2, blocks);
        for (var z = 0; z < zones.Length; z++)
        {
            for (var i = 0; i < addressesPerZone; i++)
            {
                Line(F($"set address \"{zones[z]}\" \"h-{z}-{i}\" 10.{z + 1}.{i / 250 % 250}.{i % 250 + 1} 255.255.255.255"));
                if (i % 4 == 0)
                {
                    Line(F($"set address \"{zones[z]}\" \"n-{z}-{i}\" 10.{z + 1}.{i / 250 % 250}.0 255.255.255.0 \"subnet {i}\""));
                }
            }

            for (var g = 0; g < addressesPerZone / 8; g++)
            {
                Line(F($"set group address \"{zones[z]}\" \"g-{z}-{g}\" comment \" \""));
                for (var m = 0; m < 4; m++)
                {
                    Line(F($"set group address \"{zones[z]}\" \"g-{z}-{g}\" add \"h-{z}-{(g * 4) + m}\""));
                }
            }
        }

        var services = Math.Max(2, blocks / 2);
        for (var s = 0; s < services; s++)
        {
            Line(F($"set service \"tcp-{8000 + s}\" protocol tcp src-port 0-65535 dst-port {8000 + s}-{8000 + s}"));
            if (s % 3 == 0)
            {
                Line(F($"set service \"tcp-{8000 + s}\" + udp src-port 0-65535 dst-port {8000 + s}-{8000 + s}"));
            }
        }

        for (var g = 0; g < services / 4; g++)
        {
            Line(F($"set group service \"sg-{g}\""));
            Line(F($"set group service \"sg-{g}\" add \"tcp-{8000 + (g * 4)}\""));
            Line(F($"set group service \"sg-{g}\" add \"HTTP\""));
        }

        var id = 1;
        while (count < lines - 4)
        {
            var n = id;
            var from = n % 3 == 0 ? 3 : 0;
            var to = from == 3 ? n % 2 + 1 : 3;
            var member = n % addressesPerZone;
            var source = n % 5 == 0 ? "Any" : F($"h-{from}-{member}");
            var destination = to == 3 ? "Any" : n % 7 == 0 ? F($"g-{to}-{member / 8 % Math.Max(1, addressesPerZone / 8)}") : F($"h-{to}-{member}");
            if (from == 3 && n % 11 == 0)
            {
                destination = F($"MIP(198.51.100.{member % mips})");
            }

            var service = n % 4 == 0 ? "HTTP" : n % 4 == 1 ? F($"tcp-{8000 + (n % services)}") : n % 4 == 2 ? "ANY" : F($"sg-{n % Math.Max(1, services / 4)}");
            var nat = from != 3 && n % 8 == 1 ? " nat src dip-id 4" : from != 3 && n % 8 == 5 ? " nat src dip-id 5" : string.Empty;
            var name = n % 2 == 0 ? F($" name \"rule {n}\"") : string.Empty;
            Line(F($"set policy id {n}{name} from \"{zones[from]}\" to \"{zones[to]}\"  \"{source}\" \"{destination}\" \"{service}\"{nat} permit log"));
            if (n % 10 == 0)
            {
                Line(F($"set policy id {n} disable"));
            }

            Line(F($"set policy id {n}"));
            if (n % 3 == 1 && source != "Any")
            {
                Line(F($"set src-address \"h-{from}-{(member + 1) % addressesPerZone}\""));
            }

            if (n % 4 == 1 && destination.StartsWith("h-", StringComparison.Ordinal))
            {
                Line(F($"set dst-address \"h-{to}-{(member + 2) % addressesPerZone}\""));
                Line("set service \"HTTPS\"");
            }

            Line("exit");
            id++;
        }

        Line("set vrouter \"trust-vr\"");
        Line("set route 0.0.0.0/0 interface ethernet0/0 gateway 203.0.113.1");
        Line("exit");
        Line("set ssh enable");
        return text.ToString();
    }
}
