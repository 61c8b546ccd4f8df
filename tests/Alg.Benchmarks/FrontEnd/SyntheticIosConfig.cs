using System.Globalization;
using System.Text;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>A realistic IOS configuration of a given size: interfaces, ACLs, NAT, ALG switches, device settings.</summary>
public static class SyntheticIosConfig
{
    public static string Generate(int lines)
    {
        var text = new StringBuilder(lines * 40);
        var count = 0;

        void Line(string value)
        {
            text.Append(value).Append('\n');
            count++;
        }

        Line("hostname edge-01");
        Line("service timestamps debug datetime msec");
        Line("no ip nat service sip udp port 5060");
        Line("ip nat translation udp-timeout 300");
        var block = 0;
        while (count < lines)
        {
            var i = block++;
            var octet = (i % 250) + 1;
            var third = (i / 250) % 250;
            Line(string.Create(CultureInfo.InvariantCulture, $"interface GigabitEthernet0/{i}"));
            Line(string.Create(CultureInfo.InvariantCulture, $" description link {i}"));
            Line(string.Create(CultureInfo.InvariantCulture, $" ip address 10.{third}.{octet}.1 255.255.255.0"));
            Line(i % 2 == 0 ? " ip nat inside" : " ip nat outside");
            Line(" no ip redirects");
            Line("!");
            Line(string.Create(CultureInfo.InvariantCulture, $"ip access-list extended ACL{i}"));
            for (var j = 0; j < 10; j++)
            {
                Line(string.Create(CultureInfo.InvariantCulture, $" permit tcp 10.{third}.{octet}.0 0.0.0.255 host 192.0.2.{j + 1} eq {1000 + j}"));
            }

            Line(" deny ip any any log");
            Line(string.Create(CultureInfo.InvariantCulture, $"access-list {100 + (i % 99)} permit udp any host 198.51.100.{octet} range 5060 5061"));
            Line(string.Create(CultureInfo.InvariantCulture, $"ip nat inside source static tcp 10.{third}.{octet}.10 80 198.51.100.{octet} {8000 + (i % 1000)}"));
            Line(string.Create(CultureInfo.InvariantCulture, $"snmp-server host 10.{third}.{octet}.200 public"));
            Line(string.Create(CultureInfo.InvariantCulture, $"ip route 172.16.{octet}.0 255.255.255.0 10.{third}.{octet}.254"));
        }

        return text.ToString();
    }
}
