using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Alg.Benchmarks.Engines;

/// <summary>The first lower + emit + Roslyn compile + load of a 1,000-rule policy in a fresh process.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class ColdCompileBenchmarks
{
    private Alg.Policy.Model.PolicyModel _policy = null!;

    [GlobalSetup]
    public void Setup() => _policy = SyntheticAclPolicy.Create(1_000);

    [Benchmark]
    public CompiledPipeline FirstCompileInProcess()
    {
        var compiled = PipelineCompiler.Compile(PolicyLowerer.Lower(_policy));
        compiled.Unload();
        return compiled;
    }
}
