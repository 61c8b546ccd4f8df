namespace Alg.Runtime.Pipeline.Ir;

/// <summary>What the translator itself does for IPsec when the IPsec-NAT ALG is on (RFC 3715 §2.2, reference algs.md
/// §13): the parts that act on packets no ALG reads (raw ESP) or before any ALG sees them (the IKE mapping's port).</summary>
/// <param name="SpiMatching">ESP of an SPI no flow knows, arriving outside, is let in only through a gate the ALG opened
/// for that peer on seeing its IKE exchange (ScreenOS IPsec-NAT, IOS <c>ESP spi-match</c>, ASA
/// <c>inspect ipsec-pass-thru</c>); off: only when one inside host talks ESP with that peer through that address.</param>
/// <param name="PreserveIkePort">IKE from UDP port 500 keeps source port 500 on the public side when it is free (IOS
/// <c>IKE preserve-port</c>: peers that insist on 500).</param>
public sealed record IpsecPassthroughPlan(bool SpiMatching, bool PreserveIkePort)
{
    /// <summary>The IPsec-NAT ALG is off: ESP by SPI one way out, back in only when unambiguous; IKE ports as any UDP.</summary>
    public static IpsecPassthroughPlan Off { get; } = new(false, false);

    /// <summary>IKE's port (RFC 7296 §2).</summary>
    public const ushort IkePort = 500;
}
