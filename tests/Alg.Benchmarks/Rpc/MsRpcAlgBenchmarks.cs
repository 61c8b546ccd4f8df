using System.Buffers.Binary;
using Alg.Benchmarks.Runtime;
using Alg.Runtime.Nat;
using Alg.StdlibAlgs.MsRpc;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Rpc;

/// <summary>
/// The MS-RPC ALG on an endpoint-mapper ept_map ([MS-RPCE] 2.2.1.2). "Parse" row: the response PDU's header and its NDR
/// down to the tower's port and address. "Gateway" row: on a connection to 135 already bound to the endpoint mapper, the
/// ept_map request from a client inside (its tower read, the call remembered) and the response from outside (matched by
/// call_id, the tower decoded, the pinhole to SVCCTL's port opened, replacing the previous one). Target: 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class MsRpcAlgBenchmarks
{
    private const int ExchangesPerInvoke = 50;

    private static readonly Guid Epm = new("e1af8308-5d1f-11c9-91a4-08002b14a0fa");
    private static readonly Guid Svcctl = new("367abb81-9844-35f1-ad32-98f038001003");

    private readonly EpmTowerAt[] _towers = new EpmTowerAt[EpmNdr.MaxTowers];
    private byte[] _response = null!;
    private byte[] _requestFrame = null!;
    private byte[] _responseFrame = null!;
    private AlgBenchGateway _gateway = null!;
    private uint _clientSequence = 1001;
    private uint _serverSequence = 50001;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = new AlgBenchGateway("msrpc", 135, serverInside: false);
        _gateway.Handshake(AlgBenchGateway.Client, 40000, AlgBenchGateway.Server, AlgBenchGateway.Server, 135, AlgBenchGateway.Public, IngressSide.Inside, IngressSide.Outside);
        var bind = Pdu(11, 1, [.. U16(5840), .. U16(5840), .. U32(0), 1, 0, 0, 0, .. U16(0), 1, 0, .. Epm.ToByteArray(), .. U16(3), .. U16(0), .. new Guid("8a885d04-1ceb-11c9-9fe8-08002b104860").ToByteArray(), .. U32(2)]);
        var bindAck = Pdu(12, 1, [.. U16(5840), .. U16(5840), .. U32(1), .. U16(4), .. "135\0"u8.ToArray(), 0, 0, 1, 0, 0, 0, .. U16(0), .. U16(0), .. new Guid("8a885d04-1ceb-11c9-9fe8-08002b104860").ToByteArray(), .. U32(2)]);
        var request = Pdu(0, 2, [.. U32(0), .. U16(0), .. U16(3), .. RequestStub()]);
        _response = Pdu(2, 2, [.. U32(0), .. U16(0), 0, 0, .. ResponseStub()]);
        _gateway.SendNext(BenchmarkFrames.Tcp(AlgBenchGateway.Client, 40000, AlgBenchGateway.Server, 135, 0x18, 0, 0, bind), ref _clientSequence, _serverSequence, IngressSide.Inside);
        _gateway.SendNext(BenchmarkFrames.Tcp(AlgBenchGateway.Server, 135, AlgBenchGateway.Public, 40000, 0x18, 0, 0, bindAck), ref _serverSequence, _clientSequence, IngressSide.Outside);
        _requestFrame = BenchmarkFrames.Tcp(AlgBenchGateway.Client, 40000, AlgBenchGateway.Server, 135, 0x18, 0, 0, request);
        _responseFrame = BenchmarkFrames.Tcp(AlgBenchGateway.Server, 135, AlgBenchGateway.Public, 40000, 0x18, 0, 0, _response);
        GatewayEptMap();
        var counters = _gateway.Engine.Algs!.CountersFor("msrpc");
        if (counters.PinholesOpened < ExchangesPerInvoke || counters.Malformed != 0 || _gateway.Engine.Expectations.Count != 1)
        {
            throw new InvalidOperationException($"MS-RPC gateway row opens nothing: {counters.PinholesOpened} pinholes, {_gateway.Engine.Expectations.Count} left, {counters.LastMalformedReason} {counters.LastPartRefused}");
        }
    }

    [Benchmark]
    public int ParseEptMapResponse()
    {
        DcePduParser.Parse(_response, out var pdu, out _);
        EpmNdr.TryReadMapResponse(_response.AsSpan(pdu.StubOffset, pdu.StubLength), pdu.LittleEndian, false, _towers, out var count, out _);
        return count + _towers[0].Tower.Port;
    }

    [Benchmark(OperationsPerInvoke = ExchangesPerInvoke)]
    public NatAction GatewayEptMap()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < ExchangesPerInvoke; i++)
        {
            _gateway.SendNext(_requestFrame, ref _clientSequence, _serverSequence, IngressSide.Inside);
            action = _gateway.SendNext(_responseFrame, ref _serverSequence, _clientSequence, IngressSide.Outside);
        }

        return action;
    }

    private static byte[] Tower(ushort port, uint address) =>
    [
        .. U16(5), .. U16(19), 0x0D, .. Svcctl.ToByteArray(), .. U16(2), .. U16(2), .. U16(0),
        .. U16(19), 0x0D, .. new Guid("8a885d04-1ceb-11c9-9fe8-08002b104860").ToByteArray(), .. U16(2), .. U16(2), .. U16(0),
        .. U16(1), 0x0B, .. U16(2), .. U16(0),
        .. U16(1), 0x07, .. U16(2), (byte)(port >> 8), (byte)port,
        .. U16(1), 0x09, .. U16(4), (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address,
    ];

    private static byte[] RequestStub()
    {
        var tower = Tower(0, 0);
        return [.. U32(0), .. U32(1), .. U32((uint)tower.Length), .. U32((uint)tower.Length), .. tower, 0, .. new byte[20], .. U32(4)];
    }

    private static byte[] ResponseStub()
    {
        var tower = Tower(49683, AlgBenchGateway.Server);
        return [.. new byte[20], .. U32(1), .. U32(4), .. U32(0), .. U32(1), .. U32(3), .. U32((uint)tower.Length), .. U32((uint)tower.Length), .. tower, 0, .. U32(0)];
    }

    private static byte[] Pdu(byte type, uint callId, byte[] body)
    {
        var pdu = new byte[16 + body.Length];
        pdu[0] = 5;
        pdu[2] = type;
        pdu[3] = 3;
        pdu[4] = 0x10;
        BinaryPrimitives.WriteUInt16LittleEndian(pdu.AsSpan(8), (ushort)pdu.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(pdu.AsSpan(12), callId);
        body.CopyTo(pdu, 16);
        return pdu;
    }

    private static byte[] U16(ushort value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] U32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
}
