using System.Globalization;
using System.Text;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>An ASA 9.x configuration of a given size: objects, object-groups, ACLs over them, object NAT, inspection.</summary>
public static class SyntheticAsaConfig
{
    public static string Generate(int lines)
    {
        var text = new StringBuilder(lines * 48);
        var count = 0;

        void Line(string value)
        {
            text.Append(value).Append('\n');
            count++;
        }

        Line("ASA Version 9.8(4)");
        Line("hostname fw-01");
        Line("interface GigabitEthernet0/0");
        Line(" nameif outside");
        Line(" security-level 0");
        Line(" ip address 203.0.113.1 255.255.255.0");
        Line("interface GigabitEthernet0/1");
        Line(" nameif inside");
        Line(" security-level 100");
        Line(" ip address 10.0.0.1 255.255.0.0");
        var block = 0;
        while (count < lines - 12)
        {
            var i = block++;
            var third = i % 250;
            var fourth = (i / 250 % 250) + 1;
            Line(string.Create(CultureInfo.InvariantCulture, $"object network SRV-{i}"));
            Line(string.Create(CultureInfo.InvariantCulture, $" host 10.0.{third}.{fourth}"));
            Line(string.Create(CultureInfo.InvariantCulture, $" nat (inside,outside) static 198.51.{i / 250 % 250}.{third + 1}"));
            Line(string.Create(CultureInfo.InvariantCulture, $"object-group network CLIENTS-{i}"));
            Line(string.Create(CultureInfo.InvariantCulture, $" network-object 172.16.{third}.0 255.255.255.0"));
            Line(string.Create(CultureInfo.InvariantCulture, $" network-object host 192.0.2.{(i % 250) + 1}"));
            Line(string.Create(CultureInfo.InvariantCulture, $"access-list OUTSIDE_IN extended permit tcp object-group CLIENTS-{i} object SRV-{i} eq {1024 + (i % 60000)}"));
            Line(string.Create(CultureInfo.InvariantCulture, $"access-list OUTSIDE_IN extended permit udp object-group CLIENTS-{i} object SRV-{i} range 5060 5061"));
        }

        Line("access-group OUTSIDE_IN in interface outside");
        Line("policy-map global_policy");
        Line(" class inspection_default");
        Line("  inspect ftp");
        Line("  no inspect sip");
        Line("service-policy global_policy global");
        return text.ToString();
    }
}
