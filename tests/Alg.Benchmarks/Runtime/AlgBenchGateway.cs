using System.Buffers.Binary;
using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs;

namespace Alg.Benchmarks.Runtime;

/// <summary>
/// A NatEngine with one TCP-signalled ALG for the ALG benchmarks: inside 192.168.1.0/24 PAT to 203.0.113.1 with port
/// preservation; with <c>serverInside</c>, 192.168.1.21's service port forwarded from 203.0.113.1. Frames go through one
/// reused buffer, so a steady exchange allocates nothing of the benchmark's own.
/// </summary>
public sealed class AlgBenchGateway
{
    public static readonly uint Client = Ipv4Address.Parse("192.168.1.10").Value;
    public static readonly uint Server = Ipv4Address.Parse("203.0.113.20").Value;
    public static readonly uint Public = Ipv4Address.Parse("203.0.113.1").Value;
    public static readonly uint InsideServer = Ipv4Address.Parse("192.168.1.21").Value;

    private readonly byte[] _buffer = new byte[4096];
    private long _now = 1_000_000_000L;

    /// <param name="alsoEnabled">ALGs that work with <paramref name="alg"/> (H.323's H.245 and RAS), on their default ports.</param>
    public AlgBenchGateway(string alg, ushort servicePort, bool serverInside, params string[] alsoEnabled)
    {
        var inside = new InterfacePolicy("gl0", "inside", InterfaceRole.Inside, new Ipv4Prefix(Ipv4Address.Parse("192.168.1.1"), 24), null, false, null, null, 100, SourceSpan.None);
        var outside = new InterfacePolicy("gw0", "outside", InterfaceRole.Outside, new Ipv4Prefix(Ipv4Address.Parse("203.0.113.1"), 24), null, false, null, null, 0, SourceSpan.None);
        var pat = new NatRule(
            NatRuleKind.DynamicPat, NatDirection.InsideSource, null, null,
            [AddressRange.Subnet(Ipv4Address.Parse("192.168.1.0"), Ipv4Address.FromPrefixLength(24))],
            NatTargetKind.Interface, "outside", null, [], null, null, null, null, null, [], [], false, true, false, 10, SourceSpan.None);
        var forward = new NatRule(
            NatRuleKind.StaticPort, NatDirection.InsideSource, null, null,
            [AddressRange.Host(Ipv4Address.Parse("192.168.1.21"))],
            NatTargetKind.Interface, "outside", null, [], TransportProtocol.Tcp, PortRange.Single(servicePort), PortRange.Single(servicePort), null, null, [], [], false, true, false, 1, SourceSpan.None);
        var behavior = new NatBehavior(MappingBehavior.EndpointIndependent, FilteringBehavior.AddressDependent, true, true, true, SourceSpan.None);
        var enabled = new AlgPolicy(alg, true, AlgCatalog.Get(alg).DefaultPorts, ImmutableSortedDictionary<string, AlgOptionValue>.Empty, SourceSpan.None, [], null, false);
        ImmutableArray<NatRule> rules = serverInside ? [forward, pat] : [pat];
        ImmutableArray<AlgPolicy> algs = [enabled, .. alsoEnabled.Select(name => enabled with { Name = name, Ports = AlgCatalog.Get(name).DefaultPorts })];
        var policy = new PolicyModel(Dialect.Ios, "bench", [], [inside, outside], [], [], rules, behavior, NatLimits.Unlimited, true, ImmutableSortedDictionary<string, TimerSetting>.Empty, algs);
        var classifier = new Alg.Runtime.Pipeline.PipelineInterpreter(Alg.Compiler.Lowering.PolicyLowerer.Lower(policy));
        Engine = new NatEngine(new Alg.Runtime.Pipeline.FixedEngineSource(classifier), new NatEngineOptions(FlowCapacity: 1 << 12, MappingCapacity: 1 << 12, ExpectationCapacity: 1 << 10));
        Engine.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), classifier.Program));
    }

    public NatEngine Engine { get; }

    /// <summary>SYN, SYN-ACK, ACK of a connection (client sequence 1000, server 50000).</summary>
    public void Handshake(uint client, ushort clientPort, uint dialled, uint server, ushort serverPort, uint answeredTo, IngressSide clientSide, IngressSide serverSide)
    {
        Send(BenchmarkFrames.Tcp(client, clientPort, dialled, serverPort, 0x02, 1000, 0, default), clientSide);
        Send(BenchmarkFrames.Tcp(server, serverPort, answeredTo, clientPort, 0x12, 50000, 1001, default), serverSide);
        Send(BenchmarkFrames.Tcp(client, clientPort, dialled, serverPort, 0x10, 1001, 50001, default), clientSide);
    }

    public NatAction Send(byte[] frame, IngressSide side)
    {
        frame.CopyTo(_buffer, 0);
        var packet = new PacketBuffer(_buffer, 0, frame.Length, _buffer.Length);
        return Engine.Process(ref packet, LinkType.Ethernet, _now += 1_000_000, side).Action;
    }

    /// <summary>Sends a prebuilt segment as the next bytes of its stream: its sequence number is set to
    /// <paramref name="sequence"/> (then advanced by its payload) and its acknowledgment to <paramref name="acknowledgment"/>;
    /// the checksum is left for the engine's incremental update, which does not read the old one's correctness.</summary>
    public NatAction SendNext(byte[] frame, ref uint sequence, uint acknowledgment, IngressSide side)
    {
        frame.CopyTo(_buffer, 0);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(14 + 20 + 4), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(14 + 20 + 8), acknowledgment);
        sequence += (uint)(frame.Length - 54);
        var packet = new PacketBuffer(_buffer, 0, frame.Length, _buffer.Length);
        return Engine.Process(ref packet, LinkType.Ethernet, _now += 1_000_000, side).Action;
    }
}
