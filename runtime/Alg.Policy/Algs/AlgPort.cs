using Alg.Policy.Model;

namespace Alg.Policy.Algs;

/// <summary>A transport and port an ALG inspects.</summary>
public readonly record struct AlgPort(TransportProtocol Protocol, int Port) : IComparable<AlgPort>
{
    public static AlgPort Tcp(int port) => new(TransportProtocol.Tcp, port);

    public static AlgPort Udp(int port) => new(TransportProtocol.Udp, port);

    public int CompareTo(AlgPort other) =>
        Protocol != other.Protocol ? Protocol.CompareTo(other.Protocol) : Port.CompareTo(other.Port);

    /// <summary>Port 0 is the whole protocol (an ALG that inspects every SCTP association).</summary>
    public override string ToString() => $"{Protocol.ToString().ToLowerInvariant()}/{(Port == 0 ? "any" : Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
}
