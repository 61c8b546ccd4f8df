namespace Alg.Policy.Model;

/// <summary>An interface address with its prefix length (the host bits are kept).</summary>
public readonly record struct Ipv4Prefix(Ipv4Address Address, int Length)
{
    public Ipv4Address Network => new(Address.Value & Ipv4Address.FromPrefixLength(Length).Value);

    public bool Contains(Ipv4Address address) =>
        (address.Value & Ipv4Address.FromPrefixLength(Length).Value) == Network.Value;

    public override string ToString() => $"{Address}/{Length}";
}
