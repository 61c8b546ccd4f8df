using Alg.Policy.Model;

namespace Alg.Doctor;

/// <summary>Private versus public addresses, from the gateway's inside interfaces when a configuration is known.</summary>
internal static class AddressClassifier
{
    // RFC 1918 §3, RFC 6598 §7 (carrier-grade NAT shared space), RFC 3927 link-local, RFC 1122 loopback.
    private static readonly Ipv4Prefix[] PrivateRanges =
    [
        new(Ipv4Address.Parse("10.0.0.0"), 8),
        new(Ipv4Address.Parse("172.16.0.0"), 12),
        new(Ipv4Address.Parse("192.168.0.0"), 16),
        new(Ipv4Address.Parse("100.64.0.0"), 10),
        new(Ipv4Address.Parse("169.254.0.0"), 16),
        new(Ipv4Address.Parse("127.0.0.0"), 8),
    ];

    public static bool IsPrivate(string address, GatewayContext? gateway)
    {
        if (!Ipv4Address.TryParse(address, out var parsed))
        {
            return false;
        }

        return PrivateRanges.Any(p => p.Contains(parsed)) || (gateway is not null && gateway.IsInside(parsed));
    }

    /// <summary>Which range makes it private, for messages an engineer can check.</summary>
    public static string Describe(string address, GatewayContext? gateway)
    {
        if (Ipv4Address.TryParse(address, out var parsed))
        {
            if (gateway?.InsideInterfaceFor(parsed) is { } inside)
            {
                return $"on the gateway's inside interface {inside.Name} {inside.Address}";
            }

            if (new Ipv4Prefix(Ipv4Address.Parse("100.64.0.0"), 10).Contains(parsed))
            {
                return "RFC 6598 shared address space";
            }
        }

        return "RFC 1918 private address";
    }
}
