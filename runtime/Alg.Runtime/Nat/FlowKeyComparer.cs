using Alg.Runtime.Flows;

namespace Alg.Runtime.Nat;

/// <summary>Seeded hashing for dictionaries keyed by <see cref="FlowKey"/>, so outside hosts cannot aim at one bucket.</summary>
public sealed class FlowKeyComparer : IEqualityComparer<FlowKey>
{
    private readonly ulong _seed;

    public FlowKeyComparer(ulong seed)
    {
        _seed = seed;
    }

    public bool Equals(FlowKey x, FlowKey y) => x.Equals(y);

    public int GetHashCode(FlowKey obj) => (int)obj.Hash(_seed);
}
