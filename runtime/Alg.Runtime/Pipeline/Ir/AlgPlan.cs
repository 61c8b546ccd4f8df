using System.Collections.Immutable;
using Alg.Policy.Algs;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>An enabled ALG with its options fixed for this configuration.</summary>
public sealed record AlgPlan(int Id, string Name, ImmutableSortedDictionary<string, AlgOptionValue> Options);
