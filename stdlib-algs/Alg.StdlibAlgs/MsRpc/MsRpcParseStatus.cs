namespace Alg.StdlibAlgs.MsRpc;

/// <summary>What the DCE/RPC parsers found at a PDU boundary.</summary>
public enum MsRpcParseStatus : byte
{
    /// <summary>A whole PDU (or a call's every fragment) was read.</summary>
    Complete,

    /// <summary>More bytes are needed; nothing is wrong yet.</summary>
    Incomplete,

    /// <summary>Not DCE/RPC; the reason says which rule it breaks.</summary>
    Error,
}
