using System.Buffers.Binary;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Runtime;

/// <summary>
/// Packets of protocols without ports through NAT, as the interpreter walks them: an enhanced GRE packet of a PPTP call
/// both ways (towards the PNS its key is written back to the PNS's own call id, RFC 2637 §4.1) and an ESP packet of an
/// established security association both ways (found by its SPI, addresses only rewritten, RFC 4303). Target: 0 B
/// allocated per packet, as the UDP fast path.
/// </summary>
[MemoryDiagnoser]
public class TunnelNatBenchmarks
{
    private const int PacketsPerInvoke = 1000;
    private const ushort PnsCallId = 7;
    private const ushort PacCallId = 100;
    private readonly byte[] _buffer = new byte[2048];
    private AlgBenchGateway _gateway = null!;
    private byte[] _greToPac = null!;
    private byte[] _greToPns = null!;
    private byte[] _espOut = null!;
    private byte[] _espIn = null!;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = new AlgBenchGateway("pptp", 1723, false);
        var client = AlgBenchGateway.Client;
        var server = AlgBenchGateway.Server;
        var pub = AlgBenchGateway.Public;
        _gateway.Handshake(client, 40000, server, server, 1723, pub, IngressSide.Inside, IngressSide.Outside);
        uint toServer = 1001;
        uint toClient = 50001;
        _gateway.SendNext(BenchmarkFrames.Tcp(client, 40000, server, 1723, 0x18, 0, 0, Pptp(1, 156, 0, 0)), ref toServer, toClient, IngressSide.Inside);
        _gateway.SendNext(BenchmarkFrames.Tcp(server, 1723, pub, 40000, 0x18, 0, 0, Pptp(2, 156, 0, 0x0100, result14: 1)), ref toClient, toServer, IngressSide.Outside);
        _gateway.SendNext(BenchmarkFrames.Tcp(client, 40000, server, 1723, 0x18, 0, 0, Pptp(7, 168, PnsCallId, 1)), ref toServer, toClient, IngressSide.Inside);
        _gateway.SendNext(BenchmarkFrames.Tcp(server, 1723, pub, 40000, 0x18, 0, 0, Pptp(8, 32, PacCallId, PnsCallId, result16: 1)), ref toClient, toServer, IngressSide.Outside);

        _greToPac = Frame(client, server, IpProtocol.Gre, Gre(PacCallId));
        _greToPns = Frame(server, pub, IpProtocol.Gre, Gre(PnsCallId));
        _espOut = Frame(client, server, IpProtocol.Esp, Esp(0xC0000001));
        _espIn = Frame(server, pub, IpProtocol.Esp, Esp(0xA0000001));
        _now = 10_000_000_000L;
        Run(_greToPac, IngressSide.Inside);
        Run(_greToPns, IngressSide.Outside);
        Run(_espOut, IngressSide.Inside);
        Run(_espIn, IngressSide.Outside);
    }

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public NatAction GreTowardsPac() => Run(_greToPac, IngressSide.Inside);

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public NatAction GreTowardsPnsKeyRewritten() => Run(_greToPns, IngressSide.Outside);

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public NatAction EspOutbound() => Run(_espOut, IngressSide.Inside);

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public NatAction EspInbound() => Run(_espIn, IngressSide.Outside);

    private NatAction Run(byte[] frame, IngressSide side)
    {
        var action = NatAction.Drop;
        var engine = _gateway.Engine;
        for (var i = 0; i < PacketsPerInvoke; i++)
        {
            frame.CopyTo(_buffer, 0);
            var packet = new PacketBuffer(_buffer, 0, frame.Length, _buffer.Length);
            action = engine.Process(ref packet, LinkType.Ethernet, _now, side).Action;
            _now += 1_000_000;
        }

        return action;
    }

    /// <summary>A PPTP control message (RFC 2637 §2): length, type 1, magic cookie, control type, two 16-bit fields.</summary>
    private static byte[] Pptp(ushort type, int length, ushort field12, ushort field14, byte result14 = 0, byte result16 = 0)
    {
        var message = new byte[length];
        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(8), type);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(12), field12);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(14), field14);
        if (result14 != 0)
        {
            message[14] = result14;
        }

        if (result16 != 0)
        {
            message[16] = result16;
        }

        return message;
    }

    /// <summary>Enhanced GRE (RFC 2637 §4.1) with a sequence number and a 100-byte PPP payload.</summary>
    private static byte[] Gre(ushort callId)
    {
        var gre = new byte[12 + 100];
        BinaryPrimitives.WriteUInt16BigEndian(gre, 0x3001);
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(2), 0x880B);
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(4), 100);
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(6), callId);
        BinaryPrimitives.WriteUInt32BigEndian(gre.AsSpan(8), 1);
        return gre;
    }

    /// <summary>ESP (RFC 4303 §2): SPI, sequence number, 120 bytes standing for the encrypted payload.</summary>
    private static byte[] Esp(uint spi)
    {
        var esp = new byte[8 + 120];
        BinaryPrimitives.WriteUInt32BigEndian(esp, spi);
        BinaryPrimitives.WriteUInt32BigEndian(esp.AsSpan(4), 1);
        return esp;
    }

    private static byte[] Frame(uint source, uint destination, byte protocol, byte[] transport)
    {
        var frame = new byte[14 + 20 + transport.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + transport.Length));
        ip[8] = 64;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Alg.Runtime.Checksums.InternetChecksum.Compute(ip[..20]));
        transport.CopyTo(ip[20..]);
        return frame;
    }
}
