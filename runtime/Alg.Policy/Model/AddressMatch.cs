namespace Alg.Policy.Model;

/// <summary>An ACL address test in Cisco's form: an address and a wildcard of don't-care bits.</summary>
/// <remarks>Any wildcard is allowed, including discontiguous ones, which a range cannot express.</remarks>
public readonly record struct AddressMatch(Ipv4Address Address, uint Wildcard)
{
    public static readonly AddressMatch Any = new(Ipv4Address.Any, uint.MaxValue);

    public static AddressMatch Host(Ipv4Address address) => new(address, 0);

    public static AddressMatch FromRange(AddressRange range)
    {
        var wildcard = range.Last.Value - range.First.Value;
        return new AddressMatch(range.First, wildcard);
    }

    public bool IsAny => Wildcard == uint.MaxValue;

    public bool Matches(Ipv4Address address) => ((address.Value ^ Address.Value) & ~Wildcard) == 0;

    /// <summary>True when every address this test matches, <paramref name="other"/> matches too.</summary>
    public bool IsSubsetOf(AddressMatch other) =>
        (Wildcard & ~other.Wildcard) == 0 && ((Address.Value ^ other.Address.Value) & ~other.Wildcard) == 0;

    public override string ToString() =>
        IsAny ? "any" : Wildcard == 0 ? $"host {Address}" : $"{new Ipv4Address(Address.Value & ~Wildcard)} {new Ipv4Address(Wildcard)}";
}
