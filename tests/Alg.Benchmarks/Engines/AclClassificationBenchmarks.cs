using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Runtime.Pipeline;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Engines;

/// <summary>
/// ACL classification per packet, interpreter against compiled, side by side in one run.
/// Target: compiled at least 3x faster than the interpreter at 1,000 rules and at most 30 ns per packet.
/// </summary>
[MemoryDiagnoser]
public class AclClassificationBenchmarks
{
    private const int Batch = 1024;
    private IPipelineEngine _interpreter = null!;
    private IPipelineEngine _compiled = null!;
    private PacketTuple[] _packets = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var program = PolicyLowerer.Lower(SyntheticAclPolicy.Create(Rules));
        _interpreter = new PipelineInterpreter(program);
        _compiled = PipelineCompiler.Compile(program).Engine;
        _packets = SyntheticAclPolicy.Packets(Rules, Batch);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int Interpreter() => Run(_interpreter);

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Compiled() => Run(_compiled);

    private int Run(IPipelineEngine classifier)
    {
        var permitted = 0;
        foreach (ref readonly var packet in _packets.AsSpan())
        {
            permitted += classifier.PermitInbound(0, in packet) ? 1 : 0;
        }

        return permitted;
    }
}
