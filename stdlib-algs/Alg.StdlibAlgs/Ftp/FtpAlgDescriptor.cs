using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Ftp;

/// <summary>Declaration of the <c>ftp</c> ALG: FTP PORT/EPRT/PASV/EPSV rewriting (RFC 959, RFC 2428).</summary>
public static class FtpAlgDescriptor
{
    /// <summary>The option that denies one command (ASA inspect map <c>match request-command NAME</c> with a drop or reset action).</summary>
    public static string DenyOption(string asaCommand) => "deny-" + asaCommand;

    public static readonly AlgDescriptor Instance = new(
        "ftp",
        "FTP PORT/EPRT/PASV/EPSV rewriting (RFC 959, RFC 2428)",
        [AlgPort.Tcp(21)],
        [
            AlgOptionDescriptor.Flag("strict", false, "ASA ftp strict: reject commands that embed other commands"),
            AlgOptionDescriptor.Flag("deny-appe", false, "ASA request-command appe: drop the connection on APPE"),
            AlgOptionDescriptor.Flag("deny-cdup", false, "ASA request-command cdup: drop the connection on CDUP"),
            AlgOptionDescriptor.Flag("deny-dele", false, "ASA request-command dele: drop the connection on DELE"),
            AlgOptionDescriptor.Flag("deny-get", false, "ASA request-command get: drop the connection on RETR"),
            AlgOptionDescriptor.Flag("deny-help", false, "ASA request-command help: drop the connection on HELP"),
            AlgOptionDescriptor.Flag("deny-mkd", false, "ASA request-command mkd: drop the connection on MKD"),
            AlgOptionDescriptor.Flag("deny-put", false, "ASA request-command put: drop the connection on STOR"),
            AlgOptionDescriptor.Flag("deny-rmd", false, "ASA request-command rmd: drop the connection on RMD"),
            AlgOptionDescriptor.Flag("deny-rnfr", false, "ASA request-command rnfr: drop the connection on RNFR"),
            AlgOptionDescriptor.Flag("deny-rnto", false, "ASA request-command rnto: drop the connection on RNTO"),
            AlgOptionDescriptor.Flag("deny-site", false, "ASA request-command site: drop the connection on SITE"),
            AlgOptionDescriptor.Flag("deny-stou", false, "ASA request-command stou: drop the connection on STOU"),
        ],
        [new AlgAlias(Dialect.Ios, "ftp"), new AlgAlias(Dialect.Asa, "ftp"), new AlgAlias(Dialect.ScreenOs, "ftp"), new AlgAlias(Dialect.Junos, "ftp")],
        Implemented: true);
}
