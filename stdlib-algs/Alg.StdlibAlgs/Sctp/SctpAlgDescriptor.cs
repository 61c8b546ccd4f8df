using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>Declaration of the <c>sctp</c> ALG: SCTP stateful inspection, multi-homed addresses in INIT/INIT-ACK (RFC 9260).</summary>
/// <remarks>It takes the whole protocol (port 0: every SCTP association, whatever its ports). Its pinholes go only to
/// ports an association already uses (a peer's other address on the same association), so ports below 1024 are allowed.</remarks>
public static class SctpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "sctp",
        "SCTP stateful inspection: verification tags, chunk order, multi-homed addresses in INIT/INIT-ACK (RFC 9260)",
        [new AlgPort(TransportProtocol.Sctp, 0)],
        [],
        [new AlgAlias(Dialect.Asa, "sctp"), new AlgAlias(Dialect.ScreenOs, "sctp"), new AlgAlias(Dialect.Junos, "sctp")],
        Implemented: true,
        PinholesToPrivilegedPorts: true);
}
