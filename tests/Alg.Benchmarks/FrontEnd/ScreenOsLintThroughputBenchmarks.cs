using Alg.Compiler;
using Alg.Policy.Text;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>Warm lint throughput on a ScreenOS backup: parse, bind and lint in process.</summary>
[MemoryDiagnoser]
public class ScreenOsLintThroughputBenchmarks
{
    private SourceText _source = null!;

    [Params(13_500)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => _source = new SourceText("bench.screenos", SyntheticScreenOsConfig.Generate(Lines));

    [Benchmark]
    public int Lint() => ConfigurationLoader.Load(_source).Diagnostics.Count;
}
