using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Dns;

/// <summary>Declaration of the <c>dns</c> ALG: DNS: answer address translation (RFC 2694).</summary>
public static class DnsAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "dns",
        "DNS: answer address translation (RFC 2694)",
        [AlgPort.Udp(53), AlgPort.Tcp(53)],
        [
            AlgOptionDescriptor.Number("message-length-maximum", 512, 65535, 512, "ASA preset_dns_map: largest DNS message accepted"),
            AlgOptionDescriptor.Flag("reset-ttl", false, "IOS dns-reset-ttl: set the TTL of translated answers to 0"),
        ],
        [new AlgAlias(Dialect.Ios, "dns"), new AlgAlias(Dialect.Asa, "dns"), new AlgAlias(Dialect.ScreenOs, "dns"), new AlgAlias(Dialect.Junos, "dns")]);
}
