namespace Alg.Policy.Model;

/// <summary>The transports an ALG can listen on.</summary>
public enum TransportProtocol
{
    Tcp = 6,
    Udp = 17,
    Sctp = 132,
}
