using System.Buffers.Binary;
using Alg.Benchmarks.Runtime;
using Alg.Runtime.Nat;
using Alg.StdlibAlgs.H323;
using Alg.StdlibAlgs.H323.Per;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.H323;

/// <summary>
/// The H.323 ALGs on the messages the issue names (algs.md §4): a Setup with fastStart proposals, a Connect with an
/// h245Address, an OpenLogicalChannelAck, an RRQ — from tests/data/h323/vectors.tsv (Erlang's aligned-PER encoder).
/// "Decode" rows: the aligned-PER walk alone (TPKT, Q.931, PER to every address). "Gateway" rows: the message from
/// the inside party through NatEngine on an established connection or RAS flow — decoded, every address rewritten in
/// place, pinholes asked for (the Connect's H.245 pinhole and the RRQ's registration pinhole are replaced each time;
/// the Setup's and OLCAck's media pair is found and reused). Target ≤ 1 µs a message, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class H323AlgBenchmarks
{
    private const int MessagesPerInvoke = 50;

    private readonly H323Findings _findings = new();
    private byte[] _setup = null!;
    private byte[] _connect = null!;
    private byte[] _ack = null!;
    private byte[] _rrq = null!;
    private byte[] _setupFrame = null!;
    private byte[] _connectFrame = null!;
    private byte[] _ackFrame = null!;
    private byte[] _rrqFrame = null!;
    private AlgBenchGateway _caller = null!;
    private AlgBenchGateway _callee = null!;
    private uint _setupSequence = 1001;
    private uint _ackSequence = 1001;
    private uint _connectSequence = 50001;

    [GlobalSetup]
    public void Setup()
    {
        var vectors = Vectors();
        _setup = vectors["faststart-setup"];
        _ack = vectors["h245-olcack-inside"];
        _rrq = vectors["ras-rrq"];
        _connect = WithInside(vectors["connect-h245-inside"], AlgBenchGateway.InsideServer);

        // Caller inside: its call signalling, the H.245 connection the callee's h245Address opens, its RAS flow.
        _caller = new AlgBenchGateway("h323-q931", 1720, serverInside: false, "h323-h245", "h323-ras");
        _caller.Handshake(AlgBenchGateway.Client, 40000, AlgBenchGateway.Server, AlgBenchGateway.Server, 1720, AlgBenchGateway.Public, IngressSide.Inside, IngressSide.Outside);
        var connect = vectors["faststart-connect"];
        _caller.Send(BenchmarkFrames.Tcp(AlgBenchGateway.Server, 1720, AlgBenchGateway.Public, 40000, 0x18, 50001, 1001, connect), IngressSide.Outside);
        _caller.Handshake(AlgBenchGateway.Client, 40001, AlgBenchGateway.Server, AlgBenchGateway.Server, 1300, AlgBenchGateway.Public, IngressSide.Inside, IngressSide.Outside);
        _setupFrame = BenchmarkFrames.Tcp(AlgBenchGateway.Client, 40000, AlgBenchGateway.Server, 1720, 0x18, 0, 0, _setup);
        _ackFrame = BenchmarkFrames.Tcp(AlgBenchGateway.Client, 40001, AlgBenchGateway.Server, 1300, 0x18, 0, 0, _ack);
        _rrqFrame = BenchmarkFrames.Udp(AlgBenchGateway.Client, 1719, AlgBenchGateway.Server, 1719, _rrq);

        // Callee inside behind a port forward: its Connect names its own H.245 address.
        _callee = new AlgBenchGateway("h323-q931", 1720, serverInside: true, "h323-h245");
        _callee.Handshake(AlgBenchGateway.Server, 40000, AlgBenchGateway.Public, AlgBenchGateway.InsideServer, 1720, AlgBenchGateway.Server, IngressSide.Outside, IngressSide.Inside);
        _connectFrame = BenchmarkFrames.Tcp(AlgBenchGateway.InsideServer, 1720, AlgBenchGateway.Server, 40000, 0x18, 0, 0, _connect);

        GatewaySetupWithFastStart();
        GatewayConnect();
        GatewayOpenLogicalChannelAck();
        GatewayRegistrationRequest();
        Check(_caller, "h323-q931");
        Check(_caller, "h323-h245");
        Check(_caller, "h323-ras");
        Check(_callee, "h323-q931");
    }

    [Benchmark]
    public int DecodeSetupWithFastStart() => DecodeCall(_setup);

    [Benchmark]
    public int DecodeConnect() => DecodeCall(_connect);

    [Benchmark]
    public int DecodeOpenLogicalChannelAck()
    {
        _findings.Reset();
        var reader = new PerReader(_ack, Q931Parser.TpktHeaderLength, _ack.Length - Q931Parser.TpktHeaderLength);
        H245Walker.ReadMessage(ref reader, _findings);
        return _findings.Count;
    }

    [Benchmark]
    public int DecodeRegistrationRequest()
    {
        _findings.Reset();
        var reader = new PerReader(_rrq);
        RasWalker.Read(ref reader, _findings);
        return _findings.Count;
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public NatAction GatewaySetupWithFastStart()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            action = _caller.SendNext(_setupFrame, ref _setupSequence, 50001, IngressSide.Inside);
        }

        return action;
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public NatAction GatewayConnect()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            action = _callee.SendNext(_connectFrame, ref _connectSequence, 1001, IngressSide.Inside);
        }

        return action;
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public NatAction GatewayOpenLogicalChannelAck()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            action = _caller.SendNext(_ackFrame, ref _ackSequence, 50001, IngressSide.Inside);
        }

        return action;
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public NatAction GatewayRegistrationRequest()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            action = _caller.Send(_rrqFrame, IngressSide.Inside);
        }

        return action;
    }

    private int DecodeCall(byte[] tpkt)
    {
        _findings.Reset();
        Q931Parser.TryParse(tpkt.AsSpan(Q931Parser.TpktHeaderLength), Q931Parser.TpktHeaderLength, out var message);
        var reader = new PerReader(tpkt, message.UserInformationStart, message.UserInformationLength);
        H225Walker.ReadUserInformation(ref reader, _findings);
        return _findings.Count;
    }

    private static void Check(AlgBenchGateway gateway, string alg)
    {
        var counters = gateway.Engine.Algs!.CountersFor(alg);
        if (counters.RewritesApplied < MessagesPerInvoke || counters.Malformed != 0 || counters.Failures != 0)
        {
            throw new InvalidOperationException($"{alg} gateway row does not translate: {counters.RewritesApplied} rewrites, last malformed {counters.LastMalformedReason}, last refused {counters.LastPartRefused}");
        }
    }

    private static byte[] WithInside(byte[] bytes, uint inside)
    {
        Span<byte> from = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(from, AlgBenchGateway.Client);
        for (var i = bytes.AsSpan().IndexOf(from); i >= 0; i = bytes.AsSpan().IndexOf(from))
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i), inside);
        }

        return bytes;
    }

    private static Dictionary<string, byte[]> Vectors()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("no Alg.sln above the benchmark"), "tests", "data", "h323", "vectors.tsv");
        return File.ReadLines(path).Select(line => line.Split('\t')).ToDictionary(parts => parts[0], parts => Convert.FromHexString(parts[1]), StringComparer.Ordinal);
    }
}
