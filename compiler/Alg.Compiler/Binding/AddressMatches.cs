using System.Collections.Immutable;
using Alg.Policy.Model;

namespace Alg.Compiler.Binding;

/// <summary>Conversions between address ranges and Cisco address/wildcard tests.</summary>
public static class AddressMatches
{
    /// <summary>The fewest aligned blocks that cover a range exactly (a range need not be one wildcard).</summary>
    public static ImmutableArray<AddressMatch> FromRange(AddressRange range)
    {
        var result = ImmutableArray.CreateBuilder<AddressMatch>();
        ulong first = range.First.Value;
        ulong last = range.Last.Value;
        while (first <= last)
        {
            // Largest aligned block starting at `first` that does not pass `last`.
            ulong size = first == 0 ? 1UL << 32 : first & (~first + 1);
            while (first + size - 1 > last)
            {
                size >>= 1;
            }

            result.Add(new AddressMatch(new Ipv4Address((uint)first), (uint)(size - 1)));
            first += size;
        }

        return result.ToImmutable();
    }
}
