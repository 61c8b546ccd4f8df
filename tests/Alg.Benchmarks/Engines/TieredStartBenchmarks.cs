using Alg.Compiler;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Alg.Benchmarks.Engines;

/// <summary>
/// In a fresh process: create a gateway and push the first 4,269 packets through it at once. Tiered must
/// take about as long as the interpreter (no packet waits for the cold Roslyn compile running beside it);
/// compiled mode, which must wait, shows what waiting would cost.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
public class TieredStartBenchmarks
{
    private byte[][] _frames = null!;
    private long[] _timestamps = null!;
    private LinkType _linkType;
    private byte[] _work = null!;
    private Gateway? _gateway;

    [Params(EngineMode.Interpreter, EngineMode.Tiered, EngineMode.Compiled)]
    public EngineMode Engine { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_frames, _timestamps, _linkType) = MixedCapture.Load();
        _work = new byte[70_000];
        _ = MixedCapture.Policy();
    }

    [Benchmark]
    public long FirstPacketsAfterLoad()
    {
        // Not disposed here: disposing waits for the background compile, which is exactly what must not be timed.
        var gateway = _gateway = Gateway.Create(MixedCapture.Policy(), Engine);
        long forwarded = 0;
        for (var i = 0; i < _frames.Length; i++)
        {
            _frames[i].CopyTo(_work, 0);
            var packet = new PacketBuffer(_work, 0, _frames[i].Length, _work.Length);
            forwarded += gateway.Nat.Process(ref packet, _linkType, _timestamps[i]).Action == Alg.Runtime.Nat.NatAction.Forward ? 1 : 0;
        }

        return forwarded;
    }

    [IterationCleanup]
    public void Cleanup() => _gateway?.Dispose();
}
