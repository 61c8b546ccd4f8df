using System.Text;
using Alg.Compiler;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Benchmarks.Engines;

/// <summary>
/// The three configurations the engines are compared on, as configuration text through the front end: an office
/// (PAT, a port forward, SIP on, a short edge ACL), a branch (100-rule ACLs both ways — inbound on the uplink and on the
/// LAN — with SIP, FTP and H.323 on) and an edge (one 1,000-rule ACL). IOS without inspection, so the ACLs meet every
/// packet, established or new. Each ACL holds its blocklist first and the rules that let the traffic through last, as
/// edge lists are commonly written, so a first-match scan walks most of it.
/// </summary>
public static class PipelineConfigurations
{
    public const string Office = "office";
    public const string Branch = "branch";
    public const string Edge = "edge";

    public static PolicyModel Load(string name)
    {
        var text = name switch
        {
            Office => Skeleton(EdgeAcl(0), lanAcl: null),
            Branch => Skeleton(EdgeAcl(96), LanAcl(97)),
            Edge => Skeleton(EdgeAcl(996), lanAcl: null),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown configuration"),
        };
        var result = ConfigurationLoader.Load(new SourceText(name + ".cfg", text));
        return result.Policy ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Select(d => d.Message)));
    }

    private static string Skeleton(string edgeAcl, string? lanAcl) => $"""
        hostname {(lanAcl is null ? "gw" : "branch")}
        interface GigabitEthernet0/0
         ip address 203.0.113.1 255.255.255.0
         ip nat outside
         ip access-group EDGE-IN in
        interface GigabitEthernet0/1
         ip address 192.168.1.1 255.255.255.0
         ip nat inside
        {(lanAcl is null ? string.Empty : " ip access-group LAN-OUT in\n")}
        ip access-list standard LAN
         permit 192.168.1.0 0.0.0.255
        {edgeAcl}{lanAcl ?? string.Empty}
        ip nat inside source list LAN interface GigabitEthernet0/0 overload
        ip nat inside source static tcp 192.168.1.20 443 203.0.113.1 8443
        ip nat translation udp-timeout 300

        """;

    /// <summary>Inbound on the uplink: <paramref name="blocked"/> denied sources, then what the office lets in.</summary>
    private static string EdgeAcl(int blocked)
    {
        var text = new StringBuilder("ip access-list extended EDGE-IN\n");
        for (var i = 0; i < blocked; i++)
        {
            text.Append($" deny ip 198.18.{i / 250}.{i % 250} 0.0.0.0 any\n");
        }

        text.Append(" permit udp any host 203.0.113.1 eq 5060\n");
        text.Append(" permit tcp any host 203.0.113.1 eq 8443\n");
        text.Append(" permit tcp any any established\n");
        text.Append(" permit udp any eq 5004 any\n");
        text.Append(" deny ip any any\n");
        return text.ToString();
    }

    /// <summary>Inbound on the LAN: <paramref name="blocked"/> denied destinations, then the office's subnet out.</summary>
    private static string LanAcl(int blocked)
    {
        var text = new StringBuilder("ip access-list extended LAN-OUT\n");
        for (var i = 0; i < blocked; i++)
        {
            text.Append($" deny tcp any 198.19.{i / 250}.{i % 250} 0.0.0.0 eq 80\n");
        }

        text.Append(" permit ip 192.168.1.0 0.0.0.255 any\n");
        text.Append(" deny ip any any\n");
        return text.ToString();
    }
}
