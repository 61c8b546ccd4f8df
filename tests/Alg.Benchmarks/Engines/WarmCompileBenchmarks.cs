using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Engines;

/// <summary>Lower + emit + Roslyn compile + load of a 1,000-rule policy once the compiler is warm. Target: at most 150 ms.</summary>
[MemoryDiagnoser]
public class WarmCompileBenchmarks
{
    private Alg.Policy.Model.PolicyModel _policy = null!;

    [Params(10, 1_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup() => _policy = SyntheticAclPolicy.Create(Rules);

    [Benchmark]
    public CompiledPipeline WarmCompile()
    {
        var compiled = PipelineCompiler.Compile(PolicyLowerer.Lower(_policy));
        compiled.Unload();
        return compiled;
    }
}
