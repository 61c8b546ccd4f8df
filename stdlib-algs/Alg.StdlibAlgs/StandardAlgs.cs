using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs;

/// <summary>The ALG implementations of the standard library, for <see cref="AlgStage"/>.</summary>
/// <remarks>Each declares the same <see cref="Alg.Policy.Algs.AlgDescriptor"/> instance <see cref="AlgCatalog"/>
/// lists, so the binder, lint and runtime agree on names, ports and options. ALGs not yet implemented are
/// reported by <see cref="AlgStage.Unhandled"/> and their flows pass uninspected.</remarks>
public static class StandardAlgs
{
    /// <summary>Fresh handlers for one stage (one engine, one worker thread).</summary>
    /// <remarks>The three H.323 ALGs share what they learn about H.460 traversal endpoints (a RAS registration
    /// decides how that endpoint's calls and channels are treated).</remarks>
    public static IReadOnlyList<IAlgHandler> CreateHandlers()
    {
        var h323 = new H323.H323Endpoints();
        return
        [
            new Tftp.TftpAlg(),
            new Sip.SipAlg(),
            new Ftp.FtpAlg(),
            new Rtsp.RtspAlg(),
            new Mgcp.MgcpAlg(),
            new SqlNet.SqlNetAlg(),
            new H323.H323Q931Alg(h323),
            new H323.H323H245Alg(h323),
            new H323.H323RasAlg(h323),
            new SunRpc.SunRpcAlg(),
            new MsRpc.MsRpcAlg(),
            new Pptp.PptpAlg(),
            new IpsecNat.IpsecNatAlg(),
            new Sctp.SctpAlg(),
            new AppleIChat.AppleIChatAlg(),
        ];
    }
}
