namespace Alg.Policy.Model;

/// <summary>An inclusive range of transport ports.</summary>
public readonly record struct PortRange(int Low, int High)
{
    public static readonly PortRange All = new(0, 65535);

    public static PortRange Single(int port) => new(port, port);

    public bool IsAll => Low == 0 && High == 65535;

    public bool Contains(int port) => port >= Low && port <= High;

    public bool IsSubsetOf(PortRange other) => Low >= other.Low && High <= other.High;

    public override string ToString() => Low == High ? Low.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Low}-{High}";
}
