namespace Alg.Runtime.Pipeline;

/// <summary>A compiled engine as the runtime sees it: the engine, how long it took, and how to unload it.</summary>
public sealed record CompiledEngine(IPipelineEngine Engine, TimeSpan CompileTime, Action Unload);
