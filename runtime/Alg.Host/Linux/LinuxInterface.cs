using System.Globalization;

namespace Alg.Host.Linux;

/// <summary>A network device of this namespace as sysfs describes it.</summary>
internal sealed record LinuxInterface(string Name, int Index, ulong Mac, bool IsUp)
{
    /// <summary>The device, or null with the reason when it does not exist or is not Ethernet.</summary>
    public static LinuxInterface? Find(string name, out string? problem)
    {
        var directory = Path.Combine("/sys/class/net", name);
        if (name.Contains('/', StringComparison.Ordinal) || !Directory.Exists(directory))
        {
            problem = $"no network interface named {name} in this namespace";
            return null;
        }

        const string EthernetLinkType = "1";
        if (File.ReadAllText(Path.Combine(directory, "type")).Trim() != EthernetLinkType)
        {
            problem = $"{name} is not an Ethernet interface";
            return null;
        }

        var index = int.Parse(File.ReadAllText(Path.Combine(directory, "ifindex")).Trim(), CultureInfo.InvariantCulture);
        var mac = ParseMac(File.ReadAllText(Path.Combine(directory, "address")).Trim());
        var flags = Convert.ToInt32(File.ReadAllText(Path.Combine(directory, "flags")).Trim(), 16);
        problem = null;
        return new LinuxInterface(name, index, mac, (flags & 1) != 0);
    }

    public static ulong ParseMac(string text)
    {
        ulong mac = 0;
        foreach (var part in text.Split(':'))
        {
            mac = (mac << 8) | byte.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return mac;
    }

    public static string FormatMac(ulong mac) =>
        string.Join(':', Enumerable.Range(0, 6).Select(i => ((byte)(mac >> (40 - (8 * i)))).ToString("x2", CultureInfo.InvariantCulture)));
}
