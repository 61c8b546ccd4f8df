namespace Alg.Runtime.Pipeline;

/// <summary>A classifier that never changes: for tests and one-shot replays.</summary>
public sealed class FixedClassifierSource(IPolicyClassifier classifier) : IClassifierSource
{
    public IPolicyClassifier Current { get; } = classifier;
}
