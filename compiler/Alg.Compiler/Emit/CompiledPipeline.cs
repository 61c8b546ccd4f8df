using System.Runtime.Loader;
using Alg.Runtime.Pipeline;

namespace Alg.Compiler.Emit;

/// <summary>A loaded pipeline class, its source, and the context to unload when it is replaced.</summary>
public sealed class CompiledPipeline(IPolicyClassifier classifier, string source, AssemblyLoadContext context, TimeSpan compileTime)
{
    public IPolicyClassifier Classifier { get; } = classifier;

    public string Source { get; } = source;

    public TimeSpan CompileTime { get; } = compileTime;

    /// <summary>Lets the runtime collect the generated code once nothing references the classifier.</summary>
    public void Unload() => context.Unload();
}
