using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>Declaration of the <c>ipsec-nat</c> ALG: IPsec passthrough: IKE port preservation and ESP SPI matching (RFC 3947, RFC 3948).</summary>
public static class IpsecNatAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "ipsec-nat",
        "IPsec passthrough: IKE port preservation and ESP SPI matching (RFC 3947, RFC 3948)",
        [AlgPort.Udp(500), AlgPort.Udp(4500)],
        [
            AlgOptionDescriptor.Duration("timeout", 0, 4_294_967, 30, "ScreenOS: idle seconds of an IPsec-NAT session", inferred: true, dialects: [Dialect.ScreenOs]),
            AlgOptionDescriptor.Flag("spi-match", false, "IOS: match ESP replies by SPI"),
            AlgOptionDescriptor.Flag("preserve-port", false, "IOS: keep IKE source port 500"),
        ],
        [new AlgAlias(Dialect.Ios, "ipsec-esp"), new AlgAlias(Dialect.Ios, "esp"), new AlgAlias(Dialect.Ios, "ike"), new AlgAlias(Dialect.Asa, "ipsec-pass-thru"), new AlgAlias(Dialect.ScreenOs, "ipsec-nat")]);
}
