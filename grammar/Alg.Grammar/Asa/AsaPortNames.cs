using System.Collections.Frozen;

namespace Alg.Grammar.Asa;

/// <summary>
/// Port names the ASA accepts that IOS does not ("TCP and UDP Ports" table of the ASA general configuration
/// guide, "Addresses, Protocols, and Ports" appendix; `rpc` from the FWSM "Port and Protocol Values" table);
/// the names both share are in <c>WellKnownPorts</c>.
/// </summary>
internal static class AsaPortNames
{
    private static readonly FrozenDictionary<string, int> Ports = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["nfs"] = 2049, ["vxlan"] = 4789, ["rpc"] = 111,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryPort(string text, out int port) => Ports.TryGetValue(text, out port);
}
