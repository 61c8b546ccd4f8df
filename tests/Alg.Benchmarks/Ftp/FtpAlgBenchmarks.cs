using System.Buffers.Binary;
using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs;
using Alg.StdlibAlgs.Ftp;
using Alg.StdlibAlgs.Text;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Ftp;

/// <summary>
/// The FTP ALG on a PORT command and a 227 reply. "Parse" rows: the line parser alone. "ParseAndRewrite" rows: parse,
/// plan the address edit and format it into the stage's output buffers (what the ALG does per command, without the
/// NAT engine's mapping reservation and pinhole table). "Gateway" rows: the whole segment through NatEngine on an
/// established control connection — NAT, stream reassembly, the ALG, mapping reservation, the rewrite applied with
/// checksums and the seq/ack shift, the pinhole replaced. Target: at most 300 ns per command, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class FtpAlgBenchmarks
{
    private const int CommandsPerInvoke = 100;
    private static readonly uint Client = Ipv4Address.Parse("192.168.1.10").Value;
    private static readonly uint Server = Ipv4Address.Parse("203.0.113.20").Value;
    private static readonly uint Public = Ipv4Address.Parse("203.0.113.1").Value;
    private static readonly uint InsideServer = Ipv4Address.Parse("192.168.1.21").Value;

    private readonly byte[] _port = "PORT 192,168,1,10,156,65\r\n"u8.ToArray();
    private readonly byte[] _passive = "227 Entering Passive Mode (192,168,1,21,156,65).\r\n"u8.ToArray();
    private readonly byte[] _buffer = new byte[2048];
    private readonly AlgRewrite[] _rewrites = new AlgRewrite[64];
    private readonly byte[] _scratch = new byte[8192];
    private readonly AlgPinholeRequest[] _pinholes = new AlgPinholeRequest[16];
    private byte[] _portFrame = null!;
    private byte[] _passiveFrame = null!;
    private NatEngine _clientInside = null!;
    private NatEngine _serverInside = null!;
    private uint _portSequence;
    private uint _passiveSequence;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = 1_000_000_000L;
        _clientInside = Gateway(serverInside: false);
        _serverInside = Gateway(serverInside: true);

        // Client inside: 192.168.1.10:40000 -> 203.0.113.20:21, mapped with port preservation to 203.0.113.1:40000.
        Handshake(_clientInside, Client, 40000, Server, Server, 21, Public, IngressSide.Inside, IngressSide.Outside);
        Send(_clientInside, BenchmarkFrames.Tcp(Server, 21, Public, 40000, 0x18, 50001, 1001, "220 ready\r\n"u8), IngressSide.Outside);
        _portFrame = BenchmarkFrames.Tcp(Client, 40000, Server, 21, 0x18, 0, 50012, _port);
        _portSequence = 1001;

        // Server inside behind a port forward of 203.0.113.1:21: the client 203.0.113.20:40000 dials it.
        Handshake(_serverInside, Server, 40000, Public, InsideServer, 21, Server, IngressSide.Outside, IngressSide.Inside);
        Send(_serverInside, BenchmarkFrames.Tcp(InsideServer, 21, Server, 40000, 0x18, 50001, 1001, "220 ready\r\n"u8), IngressSide.Inside);
        Send(_serverInside, BenchmarkFrames.Tcp(Server, 40000, Public, 21, 0x18, 1001, 50012, "PASV\r\n"u8), IngressSide.Outside);
        _passiveFrame = BenchmarkFrames.Tcp(InsideServer, 21, Server, 40000, 0x18, 0, 1007, _passive);
        _passiveSequence = 50012;

        ParseAndRewritePort();
        ParseAndRewritePassiveReply();
        GatewayPort();
        GatewayPassiveReply();

        // The gateway rows must measure the rewrite path, not a refusal.
        foreach (var engine in new[] { _clientInside, _serverInside })
        {
            var counters = engine.Algs!.CountersFor("ftp");
            if (counters.RewritesApplied < CommandsPerInvoke || counters.PinholesOpened < CommandsPerInvoke || counters.Malformed != 0)
            {
                throw new InvalidOperationException($"FTP gateway rows do not rewrite: {counters.RewritesApplied} rewrites, {counters.PinholesOpened} pinholes, last malformed {counters.LastMalformedReason}");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = CommandsPerInvoke)]
    public int ParsePort()
    {
        var total = 0;
        for (var i = 0; i < CommandsPerInvoke; i++)
        {
            FtpParser.ParseCommand(_port, out var line, out _);
            total += line.Port;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = CommandsPerInvoke)]
    public int ParsePassiveReply()
    {
        var total = 0;
        for (var i = 0; i < CommandsPerInvoke; i++)
        {
            FtpParser.ParseReply(_passive, 0, out var line, out _);
            total += line.Port;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = CommandsPerInvoke)]
    public int ParseAndRewritePort() => ParseAndRewrite(_port, fromClient: true);

    [Benchmark(OperationsPerInvoke = CommandsPerInvoke)]
    public int ParseAndRewritePassiveReply() => ParseAndRewrite(_passive, fromClient: false);

    [Benchmark(OperationsPerInvoke = CommandsPerInvoke)]
    public NatAction GatewayPort() => Run(_clientInside, _portFrame, ref _portSequence, IngressSide.Inside);

    [Benchmark(OperationsPerInvoke = CommandsPerInvoke)]
    public NatAction GatewayPassiveReply() => Run(_serverInside, _passiveFrame, ref _passiveSequence, IngressSide.Inside);

    private int ParseAndRewrite(byte[] text, bool fromClient)
    {
        var written = 0;
        Span<TextEdit> edits = stackalloc TextEdit[2];
        for (var i = 0; i < CommandsPerInvoke; i++)
        {
            var output = new AlgOutput(_rewrites, _scratch, _pinholes);
            if (fromClient)
            {
                FtpParser.ParseCommand(text, out var line, out _);
                Rewrite(in line, edits, ref output);
            }
            else
            {
                FtpParser.ParseReply(text, 0, out var line, out _);
                Rewrite(in line, edits, ref output);
            }

            written += output.RewriteCount;
        }

        return written;
    }

    private static void Rewrite(in FtpLine line, scoped Span<TextEdit> edits, ref AlgOutput output)
    {
        var count = 0;
        TextEditPlan.TryAdd(edits, ref count, new TextEdit(line.AddressStart, line.AddressLength, TextEditKind.CommaAddress, Public, line.Port));
        TextEditPlan.TryEmit(edits[..count], 0, ref output);
    }

    private NatAction Run(NatEngine engine, byte[] frame, ref uint sequence, IngressSide side)
    {
        var action = NatAction.Drop;
        var length = (uint)(frame.Length - 54);
        for (var i = 0; i < CommandsPerInvoke; i++)
        {
            frame.CopyTo(_buffer, 0);

            // Each command is the next bytes of the stream; the checksum is left for the engine's incremental update,
            // which does not read the old one's correctness.
            BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(14 + 20 + 4), sequence);
            sequence += length;
            var packet = new PacketBuffer(_buffer, 0, frame.Length, _buffer.Length);
            action = engine.Process(ref packet, LinkType.Ethernet, _now, side).Action;
            _now += 1_000_000;
        }

        return action;
    }

    private void Handshake(NatEngine engine, uint client, ushort clientPort, uint dialled, uint server, ushort serverPort, uint answeredTo, IngressSide clientSide, IngressSide serverSide)
    {
        Send(engine, BenchmarkFrames.Tcp(client, clientPort, dialled, serverPort, 0x02, 1000, 0, default), clientSide);
        Send(engine, BenchmarkFrames.Tcp(server, serverPort, answeredTo, clientPort, 0x12, 50000, 1001, default), serverSide);
        Send(engine, BenchmarkFrames.Tcp(client, clientPort, dialled, serverPort, 0x10, 1001, 50001, default), clientSide);
    }

    private void Send(NatEngine engine, byte[] frame, IngressSide side)
    {
        frame.CopyTo(_buffer, 0);
        var packet = new PacketBuffer(_buffer, 0, frame.Length, _buffer.Length);
        engine.Process(ref packet, LinkType.Ethernet, _now += 1_000_000, side);
    }

    private static NatEngine Gateway(bool serverInside)
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
            NatTargetKind.Interface, "outside", null, [], TransportProtocol.Tcp, PortRange.Single(21), PortRange.Single(21), null, null, [], [], false, true, false, 1, SourceSpan.None);
        var behavior = new NatBehavior(MappingBehavior.EndpointIndependent, FilteringBehavior.AddressDependent, true, true, true, SourceSpan.None);
        var ftp = new AlgPolicy("ftp", true, AlgCatalog.Get("ftp").DefaultPorts, ImmutableSortedDictionary<string, AlgOptionValue>.Empty, SourceSpan.None, [], null, false);
        ImmutableArray<NatRule> rules = serverInside ? [forward, pat] : [pat];
        var policy = new PolicyModel(Dialect.Ios, "bench", [], [inside, outside], [], [], rules, behavior, NatLimits.Unlimited, true, ImmutableSortedDictionary<string, TimerSetting>.Empty, [ftp]);
        var classifier = new Alg.Runtime.Pipeline.PipelineInterpreter(Alg.Compiler.Lowering.PolicyLowerer.Lower(policy));
        var engine = new NatEngine(policy, new Alg.Runtime.Pipeline.FixedClassifierSource(classifier), new NatEngineOptions(FlowCapacity: 1 << 12, MappingCapacity: 1 << 12, ExpectationCapacity: 1 << 10));
        engine.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), policy, classifier));
        return engine;
    }
}
