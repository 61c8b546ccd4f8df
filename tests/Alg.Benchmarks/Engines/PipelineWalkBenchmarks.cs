using Alg.Compiler;
using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Engines;

/// <summary>
/// The whole per-packet walk — decode, ACLs, flow lookup or creation, NAT, checksums, ALG dispatch — for the three
/// configurations of <see cref="PipelineConfigurations"/>, on each engine side by side, through a gateway as
/// <c>alg replay</c> builds it. Established: RTP-like UDP packets of 256 flows in both directions. New: every packet opens
/// a flow — outbound UDP and inbound TCP to the port forward, alternating — in a gateway whose tables are warm: before each iteration the previous iteration's flows expire (outside the
/// measurement), so each one measures flow creation in steady state, not first-touch page faults of a fresh table.
/// </summary>
[MemoryDiagnoser]
public class PipelineWalkBenchmarks
{
    private const int Flows = 256;
    private const int NewFlowsPerIteration = 16_384;
    private readonly byte[] _work = new byte[2048];
    private Gateway _gateway = null!;
    private byte[][] _established = null!;
    private byte[][] _newFlows = null!;
    private long _now;

    [Params(PipelineConfigurations.Office, PipelineConfigurations.Branch, PipelineConfigurations.Edge)]
    public string Configuration { get; set; } = PipelineConfigurations.Office;

    [Params(EngineMode.Interpreter, EngineMode.Compiled)]
    public EngineMode Engine { get; set; }

    [GlobalSetup(Target = nameof(Established))]
    public void SetupEstablished()
    {
        _gateway = Gateway.Create(PipelineConfigurations.Load(Configuration), Engine, new NatEngineOptions(FlowCapacity: 1 << 16, MappingCapacity: 1 << 16));
        _now = 1_000_000_000L;
        var outbound = new byte[Flows][];
        for (var i = 0; i < Flows; i++)
        {
            outbound[i] = BenchmarkFrames.Udp(Inside(i), (ushort)(20_000 + i), Server(i), 5004, new byte[160]);
        }

        // The replies go to the public port each flow got: send each flow's first packet and read it off the wire.
        _established = new byte[2 * Flows][];
        for (var i = 0; i < Flows; i++)
        {
            var sent = Send(outbound[i]);
            var publicPort = (ushort)((sent[34] << 8) | sent[35]);
            _established[2 * i] = outbound[i];
            _established[(2 * i) + 1] = BenchmarkFrames.Udp(Server(i), 5004, Ipv4Address.Parse("203.0.113.1").Value, publicPort, new byte[160]);
        }

        if (Established() != 2 * Flows)
        {
            throw new InvalidOperationException($"{Configuration}: not every established packet was forwarded");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _gateway?.Dispose();

    [GlobalSetup(Target = nameof(NewFlow))]
    public void SetupNewFlows()
    {
        _gateway = Gateway.Create(PipelineConfigurations.Load(Configuration), Engine, new NatEngineOptions(FlowCapacity: 1 << 16, MappingCapacity: 1 << 16));
        _now = 1_000_000_000L;
        // Half open outbound (UDP from the LAN: NAT rule selection, a PAT mapping), half inbound (a TCP SYN from a client
        // outside to the port forward: the uplink's inbound ACL, which the edge and branch lists make long).
        _newFlows = [.. Enumerable.Range(0, NewFlowsPerIteration).Select(i => i % 2 == 0
            ? BenchmarkFrames.Udp(Inside(i), (ushort)(10_000 + (i / 200)), Server(i), 5004, new byte[160])
            : BenchmarkFrames.Tcp(Client(i), (ushort)(20_000 + (i / 400)), Ipv4Address.Parse("203.0.113.1").Value, 8443, 0x02, 1000, 0, default))];
        ExpireEarlierFlows();
        if (NewFlow() != NewFlowsPerIteration)
        {
            throw new InvalidOperationException($"{Configuration}: not every new flow was forwarded");
        }
    }

    [IterationSetup(Target = nameof(NewFlow))]
    public void ExpireEarlierFlows()
    {
        // Past the UDP timeout and the port hold: every flow of the last iteration goes, its port comes back.
        _now += 3_600 * NatTimeouts.Second;
        _gateway.Nat.ExpireState(_now);
    }

    /// <summary>Packets of established flows, both directions alternating.</summary>
    [Benchmark(OperationsPerInvoke = 2 * Flows)]
    public int Established()
    {
        var forwarded = 0;
        foreach (var frame in _established)
        {
            forwarded += Walk(frame);
            _now += 78_000; // 256 calls' 20 ms packet interval
        }

        return forwarded;
    }

    /// <summary>Packets each opening a new flow: outbound (rule selection, port allocation, flow insert) and inbound to the
    /// port forward (the uplink's inbound ACL, the static mapping, flow insert), alternating.</summary>
    [Benchmark(OperationsPerInvoke = NewFlowsPerIteration)]
    public int NewFlow()
    {
        var forwarded = 0;
        foreach (var frame in _newFlows)
        {
            forwarded += Walk(frame);
            _now += 10_000;
        }

        return forwarded;
    }

    private static uint Inside(int i) => Ipv4Address.Parse("192.168.1.0").Value + 10 + (uint)(i % 200);

    private static uint Client(int i) => Ipv4Address.Parse("198.51.0.0").Value + (uint)(i % 400) * 7 + 1;

    private static uint Server(int i) => Ipv4Address.Parse("198.51.100.0").Value + 1 + (uint)(i % 50);

    private int Walk(byte[] frame)
    {
        // Headers only (Ethernet, IPv4, and UDP or TCP): NAT rewrites nothing else, and the payload stays in the buffer.
        frame.AsSpan(0, frame[23] == 6 ? 54 : 42).CopyTo(_work);
        var packet = new PacketBuffer(_work, 0, frame.Length, _work.Length);
        return _gateway.Nat.Process(ref packet, LinkType.Ethernet, _now).Action == NatAction.Forward ? 1 : 0;
    }

    private byte[] Send(byte[] frame)
    {
        frame.CopyTo(_work, 0);
        var packet = new PacketBuffer(_work, 0, frame.Length, _work.Length);
        var verdict = _gateway.Nat.Process(ref packet, LinkType.Ethernet, _now);
        if (verdict.Action != NatAction.Forward)
        {
            throw new InvalidOperationException($"{Configuration}: the set-up packet was dropped ({verdict.Reason})");
        }

        return packet.Span.ToArray();
    }
}
