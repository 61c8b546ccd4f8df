using System.Text;
using Alg.Benchmarks.Runtime;
using Alg.Runtime.Nat;
using Alg.StdlibAlgs.Mgcp;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Mgcp;

/// <summary>
/// The MGCP ALG on a CRCX with a remote connection descriptor and the gateway's 200 with its local one. "Parse": the
/// message parser alone. "Gateway exchange": three datagrams through NatEngine on an established signalling flow of a
/// media gateway inside — the CRCX (transaction remembered, remote media address read), the 200 (SDP translated,
/// mappings reserved, two pinholes opened) and a DLCX (the call's pinholes closed), so the exchange can repeat.
/// Target: 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class MgcpAlgBenchmarks
{
    private const int ExchangesPerInvoke = 50;
    private const string Crcx = "CRCX 1204 aaln/1@mg.example.net MGCP 1.0\r\nC: A3C47F21456789F0\r\nL: p:10, a:PCMU\r\nM: sendrecv\r\n\r\nv=0\r\nc=IN IP4 198.51.100.30\r\nm=audio 4000 RTP/AVP 0\r\n";
    private const string Ok = "200 1204 OK\r\nI: FDE234C8\r\n\r\nv=0\r\no=- 25678 753849 IN IP4 192.168.1.10\r\ns=-\r\nc=IN IP4 192.168.1.10\r\nt=0 0\r\nm=audio 16002 RTP/AVP 0\r\n";
    private const string Dlcx = "DLCX 1205 aaln/1@mg.example.net MGCP 1.0\r\nC: A3C47F21456789F0\r\nI: FDE234C8\r\n";

    private readonly byte[] _crcx = Encoding.ASCII.GetBytes(Crcx);
    private readonly byte[] _ok = Encoding.ASCII.GetBytes(Ok);
    private byte[] _crcxFrame = null!;
    private byte[] _okFrame = null!;
    private byte[] _dlcxFrame = null!;
    private AlgBenchGateway _gateway = null!;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = new AlgBenchGateway("mgcp", 2427, serverInside: false);
        _gateway.Send(BenchmarkFrames.Udp(AlgBenchGateway.Client, 2427, AlgBenchGateway.Server, 2727, "RSIP 1 aaln/*@mg.example.net MGCP 1.0\r\nRM: restart\r\n"u8.ToArray()), IngressSide.Inside);
        _crcxFrame = BenchmarkFrames.Udp(AlgBenchGateway.Server, 2727, AlgBenchGateway.Public, 2427, _crcx);
        _okFrame = BenchmarkFrames.Udp(AlgBenchGateway.Client, 2427, AlgBenchGateway.Server, 2727, _ok);
        _dlcxFrame = BenchmarkFrames.Udp(AlgBenchGateway.Server, 2727, AlgBenchGateway.Public, 2427, Encoding.ASCII.GetBytes(Dlcx));

        GatewayCreateExchange();
        var counters = _gateway.Engine.Algs!.CountersFor("mgcp");
        if (counters.RewritesApplied < 2 * ExchangesPerInvoke || counters.PinholesOpened < 2 * ExchangesPerInvoke || counters.Malformed != 0 || counters.PartsRefused != 0)
        {
            throw new InvalidOperationException($"MGCP gateway row does not translate: {counters.RewritesApplied} rewrites, {counters.PinholesOpened} pinholes, refused {counters.LastPartRefused}, malformed {counters.LastMalformedReason}");
        }
    }

    [Benchmark]
    public int ParseCrcx() => Parse(_crcx);

    [Benchmark]
    public int ParseCrcxResponse() => Parse(_ok);

    [Benchmark(OperationsPerInvoke = ExchangesPerInvoke)]
    public NatAction GatewayCreateExchange()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < ExchangesPerInvoke; i++)
        {
            _gateway.Send(_crcxFrame, IngressSide.Outside);
            _gateway.Send(_okFrame, IngressSide.Inside);
            action = _gateway.Send(_dlcxFrame, IngressSide.Outside);
        }

        return action;
    }

    private static int Parse(byte[] datagram)
    {
        MgcpMessageParser.TryParse(datagram, 0, out var message, out _);
        return message.SdpLength + message.Next;
    }
}
