using System.Buffers.Binary;
using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Checksums;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Runtime;

/// <summary>
/// One packet of an established UDP flow through the NAT engine: decode, lookup, timer refresh, rewrite with
/// incremental checksums — the walk of a known flow, on each engine. Target: 0 B allocated and at most 48 ns per packet.
/// </summary>
[MemoryDiagnoser]
public class NatFastPathBenchmarks
{
    [Params(Alg.Runtime.Pipeline.EngineMode.Interpreter, Alg.Runtime.Pipeline.EngineMode.Compiled)]
    public Alg.Runtime.Pipeline.EngineMode Engine { get; set; }

    private const int PacketsPerInvoke = 1000;
    private readonly byte[] _buffer = new byte[2048];
    private NatEngine _engine = null!;
    private byte[] _outbound = null!;
    private byte[] _inbound = null!;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        var inside = new InterfacePolicy("eth0", "inside", InterfaceRole.Inside, new Ipv4Prefix(Ipv4Address.Parse("192.168.1.1"), 24), null, false, null, null, 100, SourceSpan.None);
        var outside = new InterfacePolicy("eth1", "outside", InterfaceRole.Outside, new Ipv4Prefix(Ipv4Address.Parse("203.0.113.1"), 24), null, false, null, null, 0, SourceSpan.None);
        var pat = new NatRule(
            NatRuleKind.DynamicPat, NatDirection.InsideSource, null, null,
            [AddressRange.Subnet(Ipv4Address.Parse("192.168.1.0"), Ipv4Address.FromPrefixLength(24))],
            NatTargetKind.Interface, "outside", null, [], null, null, null, null, null, [], [], false, true, false, 1, SourceSpan.None);
        var behavior = new NatBehavior(MappingBehavior.EndpointIndependent, FilteringBehavior.EndpointIndependent, true, true, true, SourceSpan.None);
        var policy = new PolicyModel(Dialect.Ios, "bench", [], [inside, outside], [], [], [pat], behavior, NatLimits.Unlimited, true, ImmutableSortedDictionary<string, TimerSetting>.Empty, []);
        var program = Alg.Compiler.Lowering.PolicyLowerer.Lower(policy);
        Alg.Runtime.Pipeline.IPipelineEngine engine = Engine == Alg.Runtime.Pipeline.EngineMode.Compiled
            ? Alg.Compiler.Emit.PipelineCompiler.Compile(program).Engine
            : new Alg.Runtime.Pipeline.PipelineInterpreter(program);
        _engine = new NatEngine(new Alg.Runtime.Pipeline.FixedEngineSource(engine), new NatEngineOptions(FlowCapacity: 1 << 16, MappingCapacity: 1 << 16));

        // 160-byte RTP-sized payload, as a voice call would send.
        _outbound = Udp(Ipv4Address.Parse("192.168.1.10").Value, 5004, Ipv4Address.Parse("198.51.100.7").Value, 5004, 160);
        _inbound = Udp(Ipv4Address.Parse("198.51.100.7").Value, 5004, Ipv4Address.Parse("203.0.113.1").Value, 5004, 160);
        _now = 1_000_000_000L;
        OutboundEstablishedUdp();
        InboundEstablishedUdp();
    }

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public NatAction OutboundEstablishedUdp() => Run(_outbound);

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public NatAction InboundEstablishedUdp() => Run(_inbound);

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public int DecodeOnly()
    {
        var sum = 0;
        for (var i = 0; i < PacketsPerInvoke; i++)
        {
            PacketDecoder.Decode(_outbound, LinkType.Ethernet, out var info);
            sum += info.SourcePort;
        }

        return sum;
    }

    private NatAction Run(byte[] frame)
    {
        var action = NatAction.Drop;
        for (var i = 0; i < PacketsPerInvoke; i++)
        {
            // Restore the untranslated header (42 bytes) each time; the payload is never touched by NAT.
            frame.AsSpan(0, 42).CopyTo(_buffer);
            var packet = new PacketBuffer(_buffer, 0, frame.Length, _buffer.Length);
            action = _engine.Process(ref packet, LinkType.Ethernet, _now).Action;
            _now += 20_000_000; // 20 ms, a voice packet interval
        }

        return action;
    }

    private byte[] Udp(uint source, ushort sourcePort, uint destination, ushort destinationPort, int payloadLength)
    {
        var frame = BenchmarkFrames.Udp(source, sourcePort, destination, destinationPort, new byte[payloadLength]);
        frame.AsSpan(42).CopyTo(_buffer.AsSpan(42));
        return frame;
    }
}
