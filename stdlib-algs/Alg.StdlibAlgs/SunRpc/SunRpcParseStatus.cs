namespace Alg.StdlibAlgs.SunRpc;

/// <summary>What the ONC RPC parsers found at a record or message boundary.</summary>
public enum SunRpcParseStatus : byte
{
    /// <summary>A whole record (TCP) or message was read.</summary>
    Complete,

    /// <summary>More bytes are needed; nothing is wrong yet.</summary>
    Incomplete,

    /// <summary>Not ONC RPC; the reason says which rule it breaks.</summary>
    Error,
}
