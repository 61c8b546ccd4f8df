using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Tftp;

/// <summary>Declaration of the <c>tftp</c> ALG: TFTP: pinhole for the server's reply from a new port (RFC 1350).</summary>
public static class TftpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "tftp",
        "TFTP: pinhole for the server's reply from a new port (RFC 1350)",
        [AlgPort.Udp(69)],
        [],
        [new AlgAlias(Dialect.Ios, "tftp"), new AlgAlias(Dialect.Asa, "tftp"), new AlgAlias(Dialect.ScreenOs, "tftp"), new AlgAlias(Dialect.Junos, "tftp")],
        Implemented: true);
}
