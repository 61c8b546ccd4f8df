using System.Buffers.Binary;
using System.Globalization;

namespace Alg.Host.Linux;

/// <summary>
/// The namespace's IPv4 routes (<c>/proc/net/route</c>), used to pick the exit interface and next hop of a
/// forwarded packet: the gateway forwards as the box's routing table says, like any router.
/// </summary>
/// <remarks>Read at start and on every reload; routes changed in between are seen after the next reload.</remarks>
internal static class KernelRoutes
{
    public static IReadOnlyList<KernelRoute> Read(string path = "/proc/net/route")
    {
        var routes = new List<KernelRoute>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            const int RouteUp = 1;
            if (fields.Length < 8 || (int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture) & RouteUp) == 0)
            {
                continue;
            }

            routes.Add(new KernelRoute(
                fields[0],
                FromProc(fields[1]),
                FromProc(fields[7]),
                FromProc(fields[2]),
                int.Parse(fields[6], CultureInfo.InvariantCulture)));
        }

        // Longest prefix first, then lowest metric: the first match is the kernel's choice.
        return [.. routes.OrderByDescending(r => r.Mask).ThenBy(r => r.Metric)];
    }

    /// <summary>/proc/net/route prints addresses as the hex of the network-order word read little-endian.</summary>
    private static uint FromProc(string hex) =>
        BinaryPrimitives.ReverseEndianness(uint.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
