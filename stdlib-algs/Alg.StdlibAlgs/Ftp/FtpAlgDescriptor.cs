using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Ftp;

/// <summary>Declaration of the <c>ftp</c> ALG: FTP PORT/EPRT/PASV/EPSV rewriting (RFC 959, RFC 2428).</summary>
public static class FtpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "ftp",
        "FTP PORT/EPRT/PASV/EPSV rewriting (RFC 959, RFC 2428)",
        [AlgPort.Tcp(21)],
        [
            AlgOptionDescriptor.Flag("strict", false, "ASA ftp strict: reject commands that embed other commands"),
        ],
        [new AlgAlias(Dialect.Ios, "ftp"), new AlgAlias(Dialect.Asa, "ftp"), new AlgAlias(Dialect.ScreenOs, "ftp"), new AlgAlias(Dialect.Junos, "ftp")]);
}
