using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs;

/// <summary>The ALG implementations of the standard library, for <see cref="AlgStage"/>.</summary>
/// <remarks>Each declares the same <see cref="Alg.Policy.Algs.AlgDescriptor"/> instance <see cref="AlgCatalog"/>
/// lists, so the binder, lint and runtime agree on names, ports and options. ALGs not yet implemented are
/// reported by <see cref="AlgStage.Unhandled"/> and their flows pass uninspected.</remarks>
public static class StandardAlgs
{
    /// <summary>Fresh handlers for one stage (one engine, one worker thread).</summary>
    public static IReadOnlyList<IAlgHandler> CreateHandlers() =>
    [
        new Tftp.TftpAlg(),
        new Sip.SipAlg(),
        new Ftp.FtpAlg(),
        new Rtsp.RtspAlg(),
        new Mgcp.MgcpAlg(),
        new SqlNet.SqlNetAlg(),
        new SunRpc.SunRpcAlg(),
        new MsRpc.MsRpcAlg(),
    ];
}
