namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>What a datagram on UDP 4500 is (RFC 3948 §2.2–2.3).</summary>
public enum NatTraversalDatagram : byte
{
    /// <summary>Too short to be any of them.</summary>
    Unknown,

    /// <summary>One byte 0xFF: keeps the NAT's mapping alive.</summary>
    Keepalive,

    /// <summary>The non-ESP marker (four zero bytes), then an IKE message.</summary>
    Ike,

    /// <summary>ESP in UDP: the SPI first.</summary>
    Esp,
}
