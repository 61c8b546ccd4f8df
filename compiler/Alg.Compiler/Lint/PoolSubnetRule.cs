using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Lint;

/// <summary>ALG3016 — a NAT pool whose end address lies outside the subnet its netmask/prefix-length gives.</summary>
public sealed class PoolSubnetRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.PoolOutsideMask;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var pool in configuration.Policy.NatPools)
        {
            if (pool.PrefixLength is not int length)
            {
                continue;
            }

            var subnet = new Ipv4Prefix(pool.Addresses.First, length);
            if (!subnet.Contains(pool.Addresses.Last))
            {
                diagnostics.Add(Descriptor, pool.Span, pool.Name, pool.Addresses.Last, $"{subnet.Network}/{length}");
            }
        }
    }
}
