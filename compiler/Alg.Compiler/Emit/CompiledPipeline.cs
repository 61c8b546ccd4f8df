using System.Runtime.Loader;
using Alg.Runtime.Pipeline;

namespace Alg.Compiler.Emit;

/// <summary>A loaded pipeline class, its source, and the context to unload when it is replaced.</summary>
public sealed class CompiledPipeline(IPipelineEngine engine, string source, AssemblyLoadContext context, TimeSpan compileTime)
{
    public IPipelineEngine Engine { get; } = engine;

    public string Source { get; } = source;

    public TimeSpan CompileTime { get; } = compileTime;

    /// <summary>Lets the runtime collect the generated code once nothing references the engine.</summary>
    public void Unload() => context.Unload();
}
