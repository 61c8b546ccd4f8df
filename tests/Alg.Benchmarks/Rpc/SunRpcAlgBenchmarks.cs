using System.Buffers.Binary;
using Alg.Benchmarks.Runtime;
using Alg.Runtime.Nat;
using Alg.StdlibAlgs.SunRpc;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Rpc;

/// <summary>
/// The SunRPC ALG on a portmapper v2 GETPORT (RFC 1833 §3.2). "Parse" row: the reply's RPC header and its port.
/// "Gateway" row: the call from a client inside and the reply from rpcbind outside through NatEngine on their UDP flow —
/// the call remembered by xid, the reply matched to it, its port decoded and the pinhole for the asked program opened
/// (replacing the previous one, so it can repeat). Target: 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class SunRpcAlgBenchmarks
{
    private const int ExchangesPerInvoke = 50;

    private readonly byte[] _reply = Message(0x51, 1, [0, 0, 0, 0, 2049]);
    private byte[] _callFrame = null!;
    private byte[] _replyFrame = null!;
    private AlgBenchGateway _gateway = null!;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = new AlgBenchGateway("sunrpc", 111, serverInside: false);
        _callFrame = BenchmarkFrames.Udp(AlgBenchGateway.Client, 40800, AlgBenchGateway.Server, 111, Message(0x51, 0, [2, 100000, 2, 3, 0, 0, 0, 0, 100003, 3, 6, 0]));
        _replyFrame = BenchmarkFrames.Udp(AlgBenchGateway.Server, 111, AlgBenchGateway.Public, 40800, _reply);
        GatewayGetPort();
        var counters = _gateway.Engine.Algs!.CountersFor("sunrpc");
        if (counters.PinholesOpened < ExchangesPerInvoke || counters.Malformed != 0 || _gateway.Engine.Expectations.Count != 1)
        {
            throw new InvalidOperationException($"SunRPC gateway row opens nothing: {counters.PinholesOpened} pinholes, {_gateway.Engine.Expectations.Count} left, {counters.LastPartRefused}");
        }
    }

    [Benchmark]
    public uint ParseGetPortReply()
    {
        SunRpcMessageParser.Parse(_reply, out var header, out _);
        return header.Accepted ? BinaryPrimitives.ReadUInt32BigEndian(_reply.AsSpan(header.BodyOffset)) : 0;
    }

    [Benchmark(OperationsPerInvoke = ExchangesPerInvoke)]
    public NatAction GatewayGetPort()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < ExchangesPerInvoke; i++)
        {
            _gateway.Send(_callFrame, IngressSide.Inside);
            action = _gateway.Send(_replyFrame, IngressSide.Outside);
        }

        return action;
    }

    private static byte[] Message(uint xid, uint type, uint[] words)
    {
        var bytes = new byte[8 + (4 * words.Length)];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, xid);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), type);
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8 + (4 * i)), words[i]);
        }

        return bytes;
    }
}
