using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.NetBios;

/// <summary>Declaration of the <c>netbios</c> ALG: NetBIOS name and datagram services: embedded addresses.</summary>
public static class NetBiosAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "netbios",
        "NetBIOS name and datagram services: embedded addresses",
        [AlgPort.Udp(137), AlgPort.Udp(138), AlgPort.Tcp(139)],
        [],
        [new AlgAlias(Dialect.Ios, "netbios-ns"), new AlgAlias(Dialect.Ios, "netbios-dgm"), new AlgAlias(Dialect.Ios, "netbios-ssn"), new AlgAlias(Dialect.Asa, "netbios")]);
}
