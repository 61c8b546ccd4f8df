namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>An IKE message as the ALG needs it: which exchange, and whether it says NAT traversal is under way.</summary>
/// <param name="MajorVersion">1 or 2.</param>
/// <param name="Length">The whole message, header included.</param>
/// <param name="NatDetection">A NAT-D payload (IKEv1, RFC 3947 §3.2) or a NAT_DETECTION_*_IP notification (IKEv2, RFC
/// 7296 §2.23) is present: the peers find the NAT and float to UDP 4500, where ESP travels in UDP.</param>
/// <param name="Encrypted">The payloads after the header cannot be read (IKEv1 encryption flag, IKEv2 Encrypted
/// payload).</param>
public readonly record struct IkeMessage(byte MajorVersion, IkeExchangeType Exchange, int Length, bool NatDetection, bool Encrypted)
{
    /// <summary>SPIs (8 + 8), next payload, version, exchange type, flags, message id, length (RFC 7296 §3.1).</summary>
    public const int HeaderLength = 28;

    /// <summary>An exchange that negotiates ESP security associations, after which the peer's ESP arrives.</summary>
    public bool NegotiatesEsp => Exchange is IkeExchangeType.QuickMode or IkeExchangeType.IkeAuth or IkeExchangeType.CreateChildSa;
}
