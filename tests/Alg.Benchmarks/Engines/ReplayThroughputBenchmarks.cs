using Alg.Compiler;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Engines;

/// <summary>
/// End-to-end replay of a mixed SIP/RTP capture (4,269 frames) through a fresh gateway, per engine, side by
/// side: decode, inbound ACL, NAT, checksums. Reported per packet.
/// </summary>
[MemoryDiagnoser]
public class ReplayThroughputBenchmarks
{
    private byte[][] _frames = null!;
    private long[] _timestamps = null!;
    private LinkType _linkType;
    private byte[] _work = null!;
    private Gateway _gateway = null!;

    [Params(EngineMode.Interpreter, EngineMode.Compiled)]
    public EngineMode Engine { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_frames, _timestamps, _linkType) = MixedCapture.Load();
        _work = new byte[70_000];
    }

    [IterationSetup]
    public void FreshGateway() => _gateway = Gateway.Create(MixedCapture.Policy(), Engine);

    [IterationCleanup]
    public void DisposeGateway() => _gateway.Dispose();

    [Benchmark(OperationsPerInvoke = 4269)]
    public long Replay()
    {
        long forwarded = 0;
        var nat = _gateway.Nat;
        for (var i = 0; i < _frames.Length; i++)
        {
            _frames[i].CopyTo(_work, 0);
            var packet = new PacketBuffer(_work, 0, _frames[i].Length, _work.Length);
            forwarded += nat.Process(ref packet, _linkType, _timestamps[i]).Action == Alg.Runtime.Nat.NatAction.Forward ? 1 : 0;
        }

        return forwarded;
    }
}
