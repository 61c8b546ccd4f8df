using Alg.Compiler;
using Alg.Policy.Text;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>
/// Warm lint throughput per dialect (issue #10: ≥ 100,000 lines/s for every dialect): parse, bind and lint a
/// 10,000-line configuration in process. Lines per second = 10,000 / mean (curly Junos: its own line count).
/// </summary>
[MemoryDiagnoser]
public class DialectLintBenchmarks
{
    private SourceText _source = null!;

    [Params("ios-acl", "asa", "junos-set", "junos-curly")]
    public string Kind { get; set; } = "ios-acl";

    public int LineCount => _source.LineCount;

    [GlobalSetup]
    public void Setup() => _source = new SourceText("bench.cfg", Generate(Kind, 10_000));

    [Benchmark]
    public int Lint() => ConfigurationLoader.Load(_source).Diagnostics.Count;

    public static string Generate(string kind, int lines) => kind switch
    {
        "ios-acl" => SyntheticIosAclConfig.Generate(lines),
        "asa" => SyntheticAsaConfig.Generate(lines),
        "junos-set" => SyntheticJunosConfig.GenerateSet(lines),
        "junos-curly" => SyntheticJunosConfig.GenerateCurly(lines),
        _ => throw new ArgumentException($"unknown configuration kind '{kind}'", nameof(kind)),
    };
}
