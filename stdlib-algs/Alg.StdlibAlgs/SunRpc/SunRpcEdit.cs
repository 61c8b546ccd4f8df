namespace Alg.StdlibAlgs.SunRpc;

/// <summary>One planned replacement in a portmapper reply, in message offsets: a 4-byte port (GETPORT, CALLIT) or a
/// whole XDR string holding a universal address (its length field, the text and the padding).</summary>
internal readonly record struct SunRpcEdit(int Offset, int OldLength, bool IsUniversalAddress, uint Address, ushort Port)
{
    public int NewLength => IsUniversalAddress ? 4 + ((UniversalAddress.Length(Address, Port) + 3) & ~3) : 4;
}
