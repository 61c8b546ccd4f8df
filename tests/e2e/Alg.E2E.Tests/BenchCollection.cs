namespace Alg.E2E.Tests;

/// <summary>The bench's namespaces and control socket are shared: its tests never run in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchCollection
{
    public const string Name = "network namespaces";
}
