namespace Alg.StdlibAlgs.MsRpc;

/// <summary>Which interfaces on port 135 the ALG reads; the rest of a connection's calls pass unread (algs.md §5.3).</summary>
public enum MsRpcInterfaceKind : byte
{
    Other,

    /// <summary>The endpoint mapper, e1af8308-5d1f-11c9-91a4-08002b14a0fa v3 (C706 Appendix O).</summary>
    EndpointMapper,

    /// <summary>DCOM activation and OXID resolution, whose replies carry string bindings <c>host[port]</c>
    /// ([MS-DCOM] 2.2.19 DUALSTRINGARRAY): ISystemActivator/IRemoteSCMActivator, IActivation, IObjectExporter.</summary>
    DcomActivation,
}
