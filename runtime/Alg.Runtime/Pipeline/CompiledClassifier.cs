namespace Alg.Runtime.Pipeline;

/// <summary>A compiled engine as the runtime sees it: the classifier, how long it took, and how to unload it.</summary>
public sealed record CompiledClassifier(IPolicyClassifier Classifier, TimeSpan CompileTime, Action Unload);
