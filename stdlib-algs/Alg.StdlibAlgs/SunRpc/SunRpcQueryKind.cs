namespace Alg.StdlibAlgs.SunRpc;

/// <summary>What a portmapper call asked, so its reply (which names neither program nor protocol) can be read.</summary>
public enum SunRpcQueryKind : byte
{
    None,

    /// <summary>v2 PMAPPROC_GETPORT (RFC 1833 §3.2): the result is a port (uint32).</summary>
    Port,

    /// <summary>v2 PMAPPROC_CALLIT (RFC 1833 §3.2): the result starts with the called program's port.</summary>
    CallItPort,

    /// <summary>v3/v4 RPCBPROC_GETADDR, v4 RPCBPROC_GETVERSADDR (RFC 1833 §2.2.1): the result is a universal address.</summary>
    UniversalAddress,

    /// <summary>v3 RPCBPROC_CALLIT, v4 RPCBPROC_BCAST and RPCBPROC_INDIRECT: the result starts with a universal address.</summary>
    CallItAddress,

    /// <summary>v4 RPCBPROC_GETADDRLIST (RFC 1833 §2.2.1): a list of {uaddr, netid, …}.</summary>
    AddressList,

    /// <summary>v2 PMAPPROC_DUMP: a list of {prog, vers, prot, port}.</summary>
    DumpPorts,

    /// <summary>v3/v4 RPCBPROC_DUMP: a list of {prog, vers, netid, uaddr, owner}.</summary>
    DumpAddresses,
}
