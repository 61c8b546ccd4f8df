namespace Alg.Runtime.Pipeline;

/// <summary>A classifier that never changes: for tests and one-shot replays.</summary>
public sealed class FixedEngineSource(IPipelineEngine classifier) : IEngineSource
{
    public IPipelineEngine Current { get; } = classifier;
}
