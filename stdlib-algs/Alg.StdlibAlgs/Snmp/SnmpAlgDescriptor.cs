using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Snmp;

/// <summary>Declaration of the <c>snmp</c> ALG: SNMP version filtering.</summary>
public static class SnmpAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "snmp",
        "SNMP version filtering",
        [AlgPort.Udp(161), AlgPort.Udp(162)],
        [],
        [new AlgAlias(Dialect.Asa, "snmp")]);
}
