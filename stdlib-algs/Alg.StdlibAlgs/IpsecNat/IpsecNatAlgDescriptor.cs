using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>Declaration of the <c>ipsec-nat</c> ALG: IPsec passthrough: IKE port preservation and ESP SPI matching (RFC 3947, RFC 3948).</summary>
/// <remarks>The ALG reads IKE on UDP 500 and 4500 and opens the ESP gates; the runtime matches ESP by SPI and keeps
/// IKE's port (<c>IpsecPassthroughPlan</c>, lowered from these options). Nothing inside IKE or ESP is changed.</remarks>
public static class IpsecNatAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "ipsec-nat",
        "IPsec passthrough: IKE port preservation and ESP SPI matching (RFC 3947, RFC 3948)",
        [AlgPort.Udp(500), AlgPort.Udp(4500)],
        [
            AlgOptionDescriptor.Duration("timeout", 0, 4_294_967, 30, "ScreenOS: idle seconds of an IPsec-NAT session, and how long a peer's IKE keeps its ESP gate open", inferred: true, dialects: [Dialect.ScreenOs]),
            AlgOptionDescriptor.Flag("spi-match", false, "IOS ESP spi-match (on by default for ScreenOS ipsec-nat and ASA ipsec-pass-thru): inbound ESP of an unknown SPI only through the gate its peer's IKE opened"),
            AlgOptionDescriptor.Flag("preserve-port", false, "IOS IKE preserve-port: keep IKE's source port 500 when it is free"),
        ],
        [new AlgAlias(Dialect.Ios, "ipsec-esp"), new AlgAlias(Dialect.Ios, "esp"), new AlgAlias(Dialect.Ios, "ike"), new AlgAlias(Dialect.Asa, "ipsec-pass-thru"), new AlgAlias(Dialect.ScreenOs, "ipsec-nat")],
        Implemented: true);
}
