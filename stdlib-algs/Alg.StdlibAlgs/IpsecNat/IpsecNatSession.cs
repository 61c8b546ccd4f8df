namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>One IKE flow: whether its peers are doing NAT traversal (then their ESP travels in UDP 4500 and needs no gate).</summary>
internal sealed class IpsecNatSession
{
    /// <summary>NAT-D payloads seen, or IKE on 4500: RFC 3947 §4 / RFC 7296 §2.23 float ESP into UDP behind a NAT.</summary>
    public bool NatTraversal { get; set; }

    /// <summary>Gates this IKE flow opened.</summary>
    public int GatesOpened { get; set; }
}
