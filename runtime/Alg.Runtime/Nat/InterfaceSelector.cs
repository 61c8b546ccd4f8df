using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Nat;

/// <summary>
/// Which configured interface a packet arrives on and leaves through, as the lowered IR numbers them
/// (policy order). With one interface per side this is fixed; with several, the one whose subnet holds
/// the relevant address wins, as routing would pick it.
/// </summary>
internal sealed class InterfaceSelector
{
    private readonly (int Id, uint Network, uint Mask)[] _inside;
    private readonly (int Id, uint Network, uint Mask)[] _outside;

    public InterfaceSelector(ImmutableArray<InterfacePlan> interfaces)
    {
        var inside = new List<(int, uint, uint)>();
        var outside = new List<(int, uint, uint)>();
        for (var i = 0; i < interfaces.Length; i++)
        {
            var iface = interfaces[i];
            var mask = iface.Address is { } prefix ? Ipv4Address.FromPrefixLength(prefix.Length).Value : 0u;
            var network = iface.Address is { } p ? p.Address.Value & mask : 0u;
            var entry = (i, network, iface.Address is null ? 0u : mask);
            if (iface.Role == InterfaceRole.Inside)
            {
                inside.Add(entry);
            }
            else if (iface.Role == InterfaceRole.Outside)
            {
                outside.Add(entry);
            }
        }

        _inside = [.. inside];
        _outside = [.. outside];
    }

    /// <summary>The interface of a side that serves <paramref name="address"/>, or -1 when the side has none.</summary>
    public int For(FlowSide side, uint address)
    {
        var candidates = side == FlowSide.Inside ? _inside : _outside;
        if (candidates.Length == 0)
        {
            return -1;
        }

        foreach (var (id, network, mask) in candidates)
        {
            if (mask != 0 && (address & mask) == network)
            {
                return id;
            }
        }

        return candidates[0].Id;
    }
}
