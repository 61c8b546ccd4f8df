using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Runtime;

/// <summary>Flow table lookups by original and reply tuple in a table of one million flows.</summary>
[MemoryDiagnoser]
public class FlowLookupBenchmarks
{
    private const int Flows = 1_000_000;
    private const int LookupsPerInvoke = 4096;
    private FlowTable _table = null!;
    private FlowKey[] _originals = null!;
    private FlowKey[] _replies = null!;

    [GlobalSetup]
    public void Setup()
    {
        _table = new FlowTable(Flows);
        var random = new Random(1);
        var all = new List<(FlowKey, FlowKey)>(Flows);
        for (var i = 0; i < Flows; i++)
        {
            var inside = 0x0A000000u + (uint)(i / 50);
            var remote = (uint)random.Next();
            var port = (ushort)(1024 + (i % 50));
            var mappedPort = (ushort)(1024 + (i % 64000));
            var original = new FlowKey(inside, remote, port, 443, IpProtocol.Tcp, FlowSide.Inside);
            var reply = new FlowKey(remote, 0xCB007100u + (uint)(i / 64000), 443, mappedPort, IpProtocol.Tcp, FlowSide.Outside);
            if (_table.TryInsert(original, reply, long.MaxValue, 0, out _))
            {
                all.Add((original, reply));
            }
        }

        _originals = new FlowKey[LookupsPerInvoke];
        _replies = new FlowKey[LookupsPerInvoke];
        for (var i = 0; i < LookupsPerInvoke; i++)
        {
            var (original, reply) = all[random.Next(all.Count)];
            _originals[i] = original;
            _replies[i] = reply;
        }
    }

    [Benchmark(OperationsPerInvoke = LookupsPerInvoke)]
    public int FindByOriginalTuple()
    {
        var sum = 0;
        foreach (var key in _originals)
        {
            sum += _table.Find(key, out _);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LookupsPerInvoke)]
    public int FindByReplyTuple()
    {
        var sum = 0;
        foreach (var key in _replies)
        {
            sum += _table.Find(key, out _);
        }

        return sum;
    }
}
