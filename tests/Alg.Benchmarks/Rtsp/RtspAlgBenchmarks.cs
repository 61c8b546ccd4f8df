using Alg.Benchmarks.Runtime;
using Alg.Runtime.Nat;
using Alg.StdlibAlgs.Rtsp;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Rtsp;

/// <summary>
/// The RTSP ALG on a SETUP and its 200 reply. "Parse" rows: framing plus the Transport parser alone. "Gateway" row: one
/// whole exchange through NatEngine on an established control connection of a player inside — SETUP (port pair
/// reserved and written, since another player already holds the ports asked for), the reply (ports written back, the
/// RTP/RTCP pinholes opened) and a TEARDOWN of the session (its pinholes closed), so the exchange can repeat. Target:
/// 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class RtspAlgBenchmarks
{
    private const int ExchangesPerInvoke = 50;
    private static readonly uint OtherPlayer = Alg.Policy.Model.Ipv4Address.Parse("192.168.1.11").Value;

    private readonly byte[] _setup = "SETUP rtsp://203.0.113.20/stream/track1 RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: Lavf59.27.100\r\nTransport: RTP/AVP/UDP;unicast;client_port=5000-5001\r\n\r\n"u8.ToArray();
    private readonly RtspTransportParam[] _parameters = new RtspTransportParam[32];
    private byte[] _reply = null!;
    private byte[] _setupFrame = null!;
    private byte[] _replyFrame = null!;
    private byte[] _teardownFrame = null!;
    private AlgBenchGateway _gateway = null!;
    private uint _clientSequence = 1001;
    private uint _serverSequence = 50001;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = new AlgBenchGateway("rtsp", 554, serverInside: false);

        // Another player holds 5000-5001 publicly, so this one's pair is moved and every SETUP is rewritten.
        var other = _gateway.Engine;
        other.TryReserveMappingPair(17, OtherPlayer, 5000, AlgBenchGateway.Server, 3_600_000_000_000L, 1_000_000_000L, out _, out _, out _);
        _gateway.Handshake(AlgBenchGateway.Client, 40000, AlgBenchGateway.Server, AlgBenchGateway.Server, 554, AlgBenchGateway.Public, IngressSide.Inside, IngressSide.Outside);

        // The reply names the public pair the ALG will find reserved for this player.
        _setupFrame = BenchmarkFrames.Tcp(AlgBenchGateway.Client, 40000, AlgBenchGateway.Server, 554, 0x18, 0, 0, _setup);
        other.TryReserveMappingPair(17, AlgBenchGateway.Client, 5000, AlgBenchGateway.Server, 3_600_000_000_000L, 1_000_000_000L, out _, out var mapped, out _);
        _reply = System.Text.Encoding.ASCII.GetBytes($"RTSP/1.0 200 OK\r\nCSeq: 3\r\nSession: 7a3f22c1;timeout=60\r\nTransport: RTP/AVP/UDP;unicast;client_port={mapped}-{mapped + 1};server_port=6000-6001;ssrc=B1964B48;mode=play\r\n\r\n");
        _replyFrame = BenchmarkFrames.Tcp(AlgBenchGateway.Server, 554, AlgBenchGateway.Public, 40000, 0x18, 0, 0, _reply);
        _teardownFrame = BenchmarkFrames.Tcp(AlgBenchGateway.Client, 40000, AlgBenchGateway.Server, 554, 0x18, 0, 0, "TEARDOWN rtsp://203.0.113.20/stream RTSP/1.0\r\nCSeq: 4\r\nSession: 7a3f22c1\r\n\r\n"u8);
        GatewaySetupExchange();
        var counters = other.Algs!.CountersFor("rtsp");
        if (counters.RewritesApplied < 2 * ExchangesPerInvoke || counters.PinholesOpened < 2 * ExchangesPerInvoke || counters.Malformed != 0 || other.Expectations.Count != 0)
        {
            throw new InvalidOperationException($"RTSP gateway row does not translate: {counters.RewritesApplied} rewrites, {counters.PinholesOpened} pinholes, {other.Expectations.Count} left, last malformed {counters.LastMalformedReason}");
        }
    }

    [Benchmark]
    public int ParseSetup() => Parse(_setup);

    [Benchmark]
    public int ParseSetupReply() => Parse(_reply);

    [Benchmark(OperationsPerInvoke = ExchangesPerInvoke)]
    public NatAction GatewaySetupExchange()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < ExchangesPerInvoke; i++)
        {
            _gateway.SendNext(_setupFrame, ref _clientSequence, _serverSequence, IngressSide.Inside);
            _gateway.SendNext(_replyFrame, ref _serverSequence, _clientSequence, IngressSide.Outside);
            action = _gateway.SendNext(_teardownFrame, ref _clientSequence, _serverSequence, IngressSide.Inside);
        }

        return action;
    }

    private int Parse(byte[] message)
    {
        RtspMessageParser.Parse(message, out var parsed, out _);
        RtspTransportParser.TryParse(message.AsSpan(parsed.TransportStart, parsed.TransportLength), _parameters, out var count);
        return count + parsed.Length;
    }
}
