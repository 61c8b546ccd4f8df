using System.Buffers.Binary;
using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Benchmarks.Runtime;
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
    private readonly AlgRewrite[] _rewrites = new AlgRewrite[64];
    private readonly byte[] _scratch = new byte[8192];
    private readonly AlgPinholeRequest[] _pinholes = new AlgPinholeRequest[16];
    private byte[] _portFrame = null!;
    private byte[] _passiveFrame = null!;
    private AlgBenchGateway _clientInside = null!;
    private AlgBenchGateway _serverInside = null!;
    private uint _portSequence;
    private uint _passiveSequence;

    [GlobalSetup]
    public void Setup()
    {
        _clientInside = new AlgBenchGateway("ftp", 21, serverInside: false);
        _serverInside = new AlgBenchGateway("ftp", 21, serverInside: true);

        // Client inside: 192.168.1.10:40000 -> 203.0.113.20:21, mapped with port preservation to 203.0.113.1:40000.
        _clientInside.Handshake(Client, 40000, Server, Server, 21, Public, IngressSide.Inside, IngressSide.Outside);
        _clientInside.Send(BenchmarkFrames.Tcp(Server, 21, Public, 40000, 0x18, 50001, 1001, "220 ready\r\n"u8), IngressSide.Outside);
        _portFrame = BenchmarkFrames.Tcp(Client, 40000, Server, 21, 0x18, 0, 50012, _port);
        _portSequence = 1001;

        // Server inside behind a port forward of 203.0.113.1:21: the client 203.0.113.20:40000 dials it.
        _serverInside.Handshake(Server, 40000, Public, InsideServer, 21, Server, IngressSide.Outside, IngressSide.Inside);
        _serverInside.Send(BenchmarkFrames.Tcp(InsideServer, 21, Server, 40000, 0x18, 50001, 1001, "220 ready\r\n"u8), IngressSide.Inside);
        _serverInside.Send(BenchmarkFrames.Tcp(Server, 40000, Public, 21, 0x18, 1001, 50012, "PASV\r\n"u8), IngressSide.Outside);
        _passiveFrame = BenchmarkFrames.Tcp(InsideServer, 21, Server, 40000, 0x18, 0, 1007, _passive);
        _passiveSequence = 50012;

        ParseAndRewritePort();
        ParseAndRewritePassiveReply();
        GatewayPort();
        GatewayPassiveReply();

        // The gateway rows must measure the rewrite path, not a refusal.
        foreach (var gateway in new[] { _clientInside, _serverInside })
        {
            var counters = gateway.Engine.Algs!.CountersFor("ftp");
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

    private static NatAction Run(AlgBenchGateway gateway, byte[] frame, ref uint sequence, IngressSide side)
    {
        var action = NatAction.Drop;
        var acknowledgment = BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(14 + 20 + 8));
        for (var i = 0; i < CommandsPerInvoke; i++)
        {
            action = gateway.SendNext(frame, ref sequence, acknowledgment, side);
        }

        return action;
    }
}
