using Alg.Compiler;
using Alg.Policy.Text;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>Warm lint throughput: parse, bind and lint a whole IOS configuration in process.</summary>
[MemoryDiagnoser]
public class LintThroughputBenchmarks
{
    private SourceText _source = null!;

    [Params(1_000, 10_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => _source = new SourceText("bench.cfg", SyntheticIosConfig.Generate(Lines));

    [Benchmark]
    public int Lint() => ConfigurationLoader.Load(_source).Diagnostics.Count;
}
