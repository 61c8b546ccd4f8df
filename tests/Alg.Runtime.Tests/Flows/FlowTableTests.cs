using System.Runtime.CompilerServices;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Xunit.Abstractions;

namespace Alg.Runtime.Tests.Flows;

public sealed class FlowTableTests
{
    private const long Second = 1_000_000_000L;
    private readonly ITestOutputHelper _output;

    public FlowTableTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static (FlowKey Original, FlowKey Reply) Keys(int i)
    {
        var original = new FlowKey(0xC0A80000u + (uint)i, 0x08080808, (ushort)(1024 + (i % 60000)), 53, IpProtocol.Udp, FlowSide.Inside);
        var reply = new FlowKey(0x08080808, 0xCB007101, 53, (ushort)(1024 + (i % 60000)), IpProtocol.Udp, FlowSide.Outside);
        return (original, new FlowKey(reply.Source, reply.Destination + (uint)(i / 60000), reply.SourcePort, reply.DestinationPort, reply.Protocol, reply.Side));
    }

    [Fact]
    public void Both_tuples_find_the_same_flow()
    {
        var table = new FlowTable(16);
        var (original, reply) = Keys(1);
        Assert.True(table.TryInsert(original, reply, 100 * Second, 0, out var index));

        Assert.Equal(index, table.Find(original, out var isReply));
        Assert.False(isReply);
        Assert.Equal(index, table.Find(reply, out isReply));
        Assert.True(isReply);
        Assert.Equal(-1, table.Find(original.Reverse(FlowSide.Outside), out _));
    }

    [Fact]
    public void Full_table_refuses_and_keeps_every_live_flow_RFC6888_REQ11()
    {
        var table = new FlowTable(8);
        for (var i = 0; i < 8; i++)
        {
            var (o, r) = Keys(i);
            Assert.True(table.TryInsert(o, r, long.MaxValue, 0, out _));
        }

        var (extraOriginal, extraReply) = Keys(99);
        Assert.False(table.TryInsert(extraOriginal, extraReply, long.MaxValue, 0, out _));
        for (var i = 0; i < 8; i++)
        {
            Assert.True(table.Find(Keys(i).Original, out _) >= 0);
        }
    }

    [Fact]
    public void Removed_flow_is_gone_and_its_id_goes_stale()
    {
        var table = new FlowTable(4);
        var (o, r) = Keys(3);
        table.TryInsert(o, r, 10 * Second, 0, out var index);
        var id = table.IdOf(index);
        table.Remove(index);
        Assert.False(table.IsLive(id));
        Assert.Equal(-1, table.Find(o, out _));
        Assert.Equal(-1, table.Find(r, out _));
        Assert.Equal(0, table.Count);
        Assert.True(table.TryInsert(o, r, 10 * Second, 0, out var again));
        Assert.False(table.IsLive(id));
        Assert.True(table.IsLive(table.IdOf(again)));
    }

    [Fact]
    public void Timer_wheel_expires_flows_at_their_time_not_before()
    {
        var table = new FlowTable(16);
        var (o1, r1) = Keys(1);
        var (o2, r2) = Keys(2);
        table.TryInsert(o1, r1, 30 * Second, 0, out var short1);
        table.TryInsert(o2, r2, 7440 * Second, 0, out var long2);

        Assert.False(table.TryTakeExpired(29 * Second, out _));
        Assert.True(table.TryTakeExpired(30 * Second, out var expired));
        Assert.Equal(short1, expired);
        table.Remove(expired);

        // Beyond one wheel turn (4096 s): the long timer is re-filed, not fired early.
        Assert.False(table.TryTakeExpired(7439 * Second, out _));
        Assert.True(table.TryTakeExpired(7441 * Second, out expired));
        Assert.Equal(long2, expired);
    }

    [Fact]
    public void Refresh_extends_and_shortens_the_timer()
    {
        var table = new FlowTable(4);
        var (o, r) = Keys(1);
        table.TryInsert(o, r, 100 * Second, 0, out var index);
        table.Refresh(index, 500 * Second, 50 * Second);
        Assert.False(table.TryTakeExpired(400 * Second, out _));
        table.Refresh(index, 410 * Second, 400 * Second);
        Assert.False(table.TryTakeExpired(409 * Second, out _));
        Assert.True(table.TryTakeExpired(411 * Second, out var expired));
        Assert.Equal(index, expired);
    }

    [Fact]
    public void Flows_that_never_expire_are_not_on_the_wheel()
    {
        var table = new FlowTable(4);
        var (o, r) = Keys(1);
        table.TryInsert(o, r, long.MaxValue, 0, out _);
        Assert.False(table.TryTakeExpired(1_000_000 * Second, out _));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Lookup_insert_refresh_and_remove_allocate_nothing()
    {
        const int count = 10_000;
        var table = new FlowTable(count);
        var keys = new (FlowKey, FlowKey)[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = Keys(i);
        }

        var round = 0;
        var allocated = Allocations.Quietest(() =>
        {
            round++;
            for (var i = 0; i < count; i++)
            {
                table.TryInsert(keys[i].Item1, keys[i].Item2, (round + 100) * Second, round * Second, out _);
            }

            for (var i = 0; i < count; i++)
            {
                var index = table.Find(keys[i].Item1, out _);
                table.Refresh(index, (round + 200) * Second, round * Second);
                table.Find(keys[i].Item2, out _);
            }

            for (var i = 0; i < count; i++)
            {
                table.Remove(table.Find(keys[i].Item1, out _));
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Memory_per_flow_at_one_million_flows_is_at_most_128_bytes()
    {
        const int capacity = 1_000_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var table = new FlowTable(capacity);
        var bytesPerFlow = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / capacity;
        _output.WriteLine($"FlowEntry {Unsafe.SizeOf<FlowEntry>()} B; table at 1M flows: {bytesPerFlow:F1} B/flow (entries + buckets + wheel)");
        Assert.True(bytesPerFlow <= 128, $"{bytesPerFlow:F1} bytes per flow");
        GC.KeepAlive(table);
    }

    [Fact]
    public void Whole_engine_memory_at_one_million_flows_is_reported()
    {
        const int capacity = 1_000_000;
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]);
        var classifier = new Alg.Runtime.Pipeline.FixedEngineSource(Support.TestEngines.Engine(policy));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var engine = new Alg.Runtime.Nat.NatEngine(classifier, new Alg.Runtime.Nat.NatEngineOptions(FlowCapacity: capacity, MappingCapacity: capacity));
        var bytesPerFlow = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / capacity;
        _output.WriteLine($"NatEngine with 1M flows and 1M mappings: {bytesPerFlow:F1} B per flow+mapping (flow table alone is measured above)");

        // Flow table ~104 B, a dynamic mapping (struct + two index entries) ~120 B, fixed tables (fragments, pinholes) amortised.
        Assert.True(bytesPerFlow < 300, $"{bytesPerFlow:F1} bytes");
        GC.KeepAlive(engine);
    }
}
