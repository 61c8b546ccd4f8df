namespace Alg.Policy.Model;

/// <summary>An inclusive range of IPv4 addresses: a host, a subnet or a first-last range.</summary>
public readonly record struct AddressRange(Ipv4Address First, Ipv4Address Last)
{
    public static readonly AddressRange All = new(Ipv4Address.Any, new Ipv4Address(uint.MaxValue));

    public static AddressRange Host(Ipv4Address address) => new(address, address);

    public static AddressRange Subnet(Ipv4Address network, Ipv4Address mask) =>
        new(new Ipv4Address(network.Value & mask.Value), new Ipv4Address((network.Value & mask.Value) | ~mask.Value));

    public ulong Count => (ulong)Last.Value - First.Value + 1;

    public bool Contains(Ipv4Address address) => address.Value >= First.Value && address.Value <= Last.Value;

    public override string ToString()
    {
        if (First == Last)
        {
            return First.ToString();
        }

        var size = Count;
        if ((size & (size - 1)) == 0 && (First.Value & (uint)(size - 1)) == 0)
        {
            var length = 32 - System.Numerics.BitOperations.Log2(size);
            return $"{First}/{length}";
        }

        return $"{First}-{Last}";
    }
}
