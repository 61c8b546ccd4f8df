namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>What an IKE datagram's header and clear payload chain hold.</summary>
public enum IkeParseStatus : byte
{
    /// <summary>A whole IKE message: header and, when not encrypted, its payload chain.</summary>
    Complete,

    /// <summary>Shorter than its header or than its own Length: a datagram cut short.</summary>
    Incomplete,

    /// <summary>Not IKE; <see cref="IkeParseError"/> says why.</summary>
    Error,
}
