using Alg.Policy.Model;

namespace Alg.Runtime.Algs;

/// <summary>An IPv4 address (host order) and a transport port.</summary>
public readonly record struct AlgEndpoint(uint Address, ushort Port)
{
    public override string ToString() => $"{new Ipv4Address(Address)}:{Port}";
}
