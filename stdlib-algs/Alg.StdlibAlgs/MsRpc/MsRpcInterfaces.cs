namespace Alg.StdlibAlgs.MsRpc;

/// <summary>The interface UUIDs the ALG recognises in binds and towers.</summary>
public static class MsRpcInterfaces
{
    /// <summary>The endpoint mapper (C706 Appendix O, [MS-RPCE] 2.2.1.2).</summary>
    public static readonly Guid EndpointMapper = new("e1af8308-5d1f-11c9-91a4-08002b14a0fa");

    /// <summary>IRemoteSCMActivator / ISystemActivator ([MS-DCOM] 1.9).</summary>
    public static readonly Guid RemoteScmActivator = new("000001a0-0000-0000-c000-000000000046");

    /// <summary>IActivation ([MS-DCOM] 1.9).</summary>
    public static readonly Guid Activation = new("4d9f4ab8-7d1c-11cf-861e-0020af6e7c57");

    /// <summary>IObjectExporter, the OXID resolver ([MS-DCOM] 1.9).</summary>
    public static readonly Guid ObjectExporter = new("99fcfec4-5260-101b-bbcb-00aa0021347a");

    /// <summary>The NDR64 transfer syntax ([MS-RPCE] 2.2.5.1): 8-byte pointers and array counts.</summary>
    public static readonly Guid Ndr64 = new("71710533-beba-4937-8319-b5dbef9ccc36");

    public static MsRpcInterfaceKind KindOf(Guid uuid) =>
        uuid == EndpointMapper ? MsRpcInterfaceKind.EndpointMapper
        : uuid == RemoteScmActivator || uuid == Activation || uuid == ObjectExporter ? MsRpcInterfaceKind.DcomActivation
        : MsRpcInterfaceKind.Other;
}
