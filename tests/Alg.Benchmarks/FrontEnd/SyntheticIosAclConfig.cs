using System.Globalization;
using System.Text;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>
/// The shape issue #10 times the whole `alg lint` process on: 99 numbered extended ACLs of about 100 rules
/// each (an edge router's filter file), a few interfaces applying some of them.
/// </summary>
public static class SyntheticIosAclConfig
{
    public static string Generate(int lines)
    {
        var text = new StringBuilder(lines * 64);
        var count = 0;

        void Line(string value)
        {
            text.Append(value).Append('\n');
            count++;
        }

        Line("hostname acl-edge");
        var perAcl = Math.Max(2, (lines - 40) / 99);
        for (var acl = 100; acl < 199 && count < lines; acl++)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"access-list {acl} remark filter {acl}"));
            for (var rule = 0; rule < perAcl - 2 && count < lines; rule++)
            {
                var protocol = (rule % 3) switch { 0 => "tcp", 1 => "udp", _ => "icmp" };
                var source = string.Create(CultureInfo.InvariantCulture, $"10.{acl - 100}.{rule % 250}.0 0.0.0.255");
                var destination = string.Create(CultureInfo.InvariantCulture, $"host 192.0.{rule / 250}.{(rule % 250) + 1}");
                Line(protocol == "icmp"
                    ? $"access-list {acl} permit icmp {source} {destination} echo"
                    : string.Create(CultureInfo.InvariantCulture, $"access-list {acl} permit {protocol} {source} {destination} eq {1024 + rule}"));
            }

            Line(string.Create(CultureInfo.InvariantCulture, $"access-list {acl} deny   ip any any log"));
        }

        for (var i = 0; i < 8 && count < lines + 40; i++)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"interface GigabitEthernet0/{i}"));
            Line(string.Create(CultureInfo.InvariantCulture, $" ip address 10.200.{i}.1 255.255.255.0"));
            Line(string.Create(CultureInfo.InvariantCulture, $" ip access-group {100 + i} in"));
            Line("!");
        }

        return text.ToString();
    }
}
