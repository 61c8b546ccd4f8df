namespace Alg.StdlibAlgs.MsRpc;

/// <summary>What a request on a tracked context asked, so its response can be read.</summary>
public enum MsRpcCallKind : byte
{
    None,

    /// <summary>ept_map (opnum 3): the towers for one interface.</summary>
    Map,

    /// <summary>ept_lookup (opnum 2): registered entries, all or for one interface.</summary>
    Lookup,

    /// <summary>A DCOM activation or OXID resolution call: its reply may carry string bindings.</summary>
    Dcom,
}
