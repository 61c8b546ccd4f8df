using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Rsh;

/// <summary>Declaration of the <c>rsh</c> ALG: rsh/rcmd: the stderr back-connection.</summary>
public static class RshAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "rsh",
        "rsh/rcmd: the stderr back-connection",
        [AlgPort.Tcp(514)],
        [],
        [new AlgAlias(Dialect.Ios, "rcmd"), new AlgAlias(Dialect.Asa, "rsh"), new AlgAlias(Dialect.ScreenOs, "rsh"), new AlgAlias(Dialect.Junos, "rsh")],
        PinholesToPrivilegedPorts: true);
}
