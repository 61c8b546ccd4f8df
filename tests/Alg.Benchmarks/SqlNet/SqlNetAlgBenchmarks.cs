using System.Buffers.Binary;
using Alg.Benchmarks.Runtime;
using Alg.Runtime.Nat;
using Alg.StdlibAlgs.SqlNet;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.SqlNet;

/// <summary>
/// The SQL*Net ALG on a listener's REDIRECT (algs.md §8). "Parse" row: the TNS header and the connect-descriptor scan
/// of the redirect text alone. "Gateway" row: a REDIRECT from a server inside behind a port forward through NatEngine
/// on an established connection — HOST and PORT rewritten to the public endpoint, TNS and redirect-data lengths
/// updated, the pinhole for the redirected connection opened (replacing the previous REDIRECT's), so it can repeat.
/// Target: 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class SqlNetAlgBenchmarks
{
    private const int RedirectsPerInvoke = 50;

    private readonly byte[] _redirect = Redirect("(ADDRESS=(PROTOCOL=tcp)(HOST=192.168.1.21)(PORT=49152))\0(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=203.0.113.1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=orcl)(CID=(PROGRAM=python3)(HOST=client)(USER=app))))");
    private readonly SqlNetAddress[] _addresses = new SqlNetAddress[8];
    private byte[] _redirectFrame = null!;
    private AlgBenchGateway _gateway = null!;
    private uint _serverSequence = 50001;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = new AlgBenchGateway("sqlnet", 1521, serverInside: true);
        _gateway.Handshake(AlgBenchGateway.Server, 40000, AlgBenchGateway.Public, AlgBenchGateway.InsideServer, 1521, AlgBenchGateway.Server, IngressSide.Outside, IngressSide.Inside);
        _redirectFrame = BenchmarkFrames.Tcp(AlgBenchGateway.InsideServer, 1521, AlgBenchGateway.Server, 40000, 0x18, 0, 0, _redirect);
        GatewayRedirect();
        var engine = _gateway.Engine;
        var counters = engine.Algs!.CountersFor("sqlnet");
        if (counters.RewritesApplied < RedirectsPerInvoke || counters.PinholesOpened < RedirectsPerInvoke || counters.Malformed != 0 || engine.Expectations.Count != 1)
        {
            throw new InvalidOperationException($"SQL*Net gateway row does not translate: {counters.RewritesApplied} rewrites, {counters.PinholesOpened} pinholes, {engine.Expectations.Count} left, last malformed {counters.LastMalformedReason}");
        }
    }

    [Benchmark]
    public int ParseRedirect()
    {
        SqlNetPacketParser.Parse(_redirect, false, out var packet, out _);
        SqlNetDescriptorScanner.Scan(_redirect.AsSpan(TnsPacket.RedirectTextOffset, packet.RedirectDataLength), _addresses, out var count, out _);
        return count + _addresses[0].Port;
    }

    [Benchmark(OperationsPerInvoke = RedirectsPerInvoke)]
    public NatAction GatewayRedirect()
    {
        var action = NatAction.Drop;
        for (var i = 0; i < RedirectsPerInvoke; i++)
        {
            action = _gateway.SendNext(_redirectFrame, ref _serverSequence, 1001, IngressSide.Inside);
        }

        return action;
    }

    private static byte[] Redirect(string text)
    {
        var packet = new byte[10 + text.Length];
        BinaryPrimitives.WriteUInt16BigEndian(packet, (ushort)packet.Length);
        packet[4] = 5;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(8), (ushort)text.Length);
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(packet, 10);
        return packet;
    }
}
