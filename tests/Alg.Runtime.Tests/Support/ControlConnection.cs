using System.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// One control connection (FTP, RTSP…) through an <see cref="AlgHarness"/>: client inside and server outside, or (server inside)
/// client outside dialling the published server. Each side acknowledges what it really received (the sequence numbers
/// of the segments that left the gateway), so a length-changing rewrite's seq/ack shift is exercised (RFC 9293 §3.4).
/// </summary>
public sealed class ControlConnection
{
    private readonly AlgHarness _gateway;
    private readonly bool _serverInside;
    private readonly ushort _clientPort;
    private readonly uint _clientAddress;
    private readonly ushort _serverPort;
    private readonly ushort _dialledPort;
    private uint _clientSequence = 1000;
    private uint _serverSequence = 50000;
    private uint _serverReceivedUpTo;
    private uint _clientReceivedUpTo;

    /// <param name="clientAddress">The client's address when not the harness's usual one (a second player inside).</param>
    /// <param name="serverPort">The server's own port when not the service port (a connection a pinhole admits).</param>
    /// <param name="dialledPort">Server inside: the public port the client dials when not the service port.</param>
    public ControlConnection(AlgHarness gateway, bool serverInside = false, ushort clientPort = 40000, uint clientAddress = 0, ushort serverPort = 0, ushort dialledPort = 0)
    {
        _clientAddress = clientAddress;
        _serverPort = serverPort != 0 ? serverPort : gateway.ServicePort;
        _dialledPort = dialledPort != 0 ? dialledPort : _serverPort;
        _gateway = gateway;
        _serverInside = serverInside;
        _clientPort = clientPort;
    }

    /// <summary>The client's address:port as the server sees it.</summary>
    public uint ClientSeenAddress { get; private set; }

    public ushort ClientSeenPort { get; private set; }

    /// <summary>What the server acknowledged, as the client received it.</summary>
    public uint LastAckToClient { get; private set; }

    public uint ClientNextSequence => _clientSequence;

    private uint ClientAddress => _clientAddress != 0 ? _clientAddress : _serverInside ? AlgHarness.Server : AlgHarness.Client;

    public void Connect()
    {
        var syn = FromClient(TcpFlags.Syn, _clientSequence++, 0, []);
        ClientSeenAddress = syn.Info.SourceAddress;
        ClientSeenPort = syn.Info.SourcePort;
        _serverReceivedUpTo = Tcp.Sequence(syn.Frame, syn.Info) + 1;
        var synAck = FromServer(TcpFlags.Syn | TcpFlags.Ack, _serverSequence++, _serverReceivedUpTo, []);
        _clientReceivedUpTo = Tcp.Sequence(synAck.Frame, synAck.Info) + 1;
        FromClient(TcpFlags.Ack, _clientSequence, _clientReceivedUpTo, []);
    }

    public SentPacket Send(string text) => Send(Encoding.ASCII.GetBytes(text));

    public SentPacket Send(byte[] payload)
    {
        var sent = FromClient(TcpFlags.Ack | TcpFlags.Psh, _clientSequence, _clientReceivedUpTo, payload);
        _clientSequence += (uint)payload.Length;
        if (sent.Forwarded)
        {
            _serverReceivedUpTo = Tcp.Sequence(sent.Frame, sent.Info) + (uint)sent.Info.PayloadLength;
        }

        return sent;
    }

    public SentPacket Answer(string text) => Answer(Encoding.ASCII.GetBytes(text));

    public SentPacket Answer(byte[] payload)
    {
        var sent = FromServer(TcpFlags.Ack | TcpFlags.Psh, _serverSequence, _serverReceivedUpTo, payload);
        _serverSequence += (uint)payload.Length;
        if (sent.Forwarded)
        {
            _clientReceivedUpTo = Tcp.Sequence(sent.Frame, sent.Info) + (uint)sent.Info.PayloadLength;
            LastAckToClient = Tcp.Acknowledgment(sent.Frame, sent.Info);
        }

        return sent;
    }

    /// <summary>The server sends its last <paramref name="payload"/> again, same sequence number (its retransmission
    /// timer fired: a Nagle sender waiting for the ACK of a small segment the gateway held back).</summary>
    public SentPacket AnswerRetransmission(byte[] payload) =>
        FromServer(TcpFlags.Ack | TcpFlags.Psh, _serverSequence - (uint)payload.Length, _serverReceivedUpTo, payload);

    /// <summary>The server re-sends its last <paramref name="payload"/> from byte <paramref name="from"/> on (a tail
    /// loss probe, or a retransmission after a partial ACK).</summary>
    public SentPacket AnswerRetransmission(byte[] payload, int from) =>
        FromServer(TcpFlags.Ack | TcpFlags.Psh, _serverSequence - (uint)(payload.Length - from), _serverReceivedUpTo, payload[from..]);

    private SentPacket FromClient(TcpFlags flags, uint sequence, uint acknowledgment, byte[] payload) =>
        _gateway.Send(ClientFrame(flags, sequence, acknowledgment, payload), _serverInside ? IngressSide.Outside : IngressSide.Inside);

    private SentPacket FromServer(TcpFlags flags, uint sequence, uint acknowledgment, byte[] payload) =>
        _gateway.Send(ServerFrame(flags, sequence, acknowledgment, payload), _serverInside ? IngressSide.Inside : IngressSide.Outside);

    /// <summary>A command and its reply that can be sent again and again, each time as the next bytes of the stream,
    /// without allocating: frames are built once and only their sequence numbers (and the IP/TCP checksums, by the
    /// engine's incremental update) change.</summary>
    public Action SteadyExchange(string command, string reply) => SteadyExchange(Encoding.ASCII.GetBytes(command), Encoding.ASCII.GetBytes(reply));

    /// <summary>The binary form of <see cref="SteadyExchange(string, string)"/> (a binary protocol's request and reply:
    /// TPKT-framed H.323 messages, ONC RPC records).</summary>
    public Action SteadyExchange(byte[] command, byte[] reply)
    {
        var commandFrame = ClientFrame(TcpFlags.Ack | TcpFlags.Psh, 0, 0, command);
        var replyFrame = ServerFrame(TcpFlags.Ack | TcpFlags.Psh, 0, 0, reply);
        var commandLength = (uint)command.Length;
        var replyLength = (uint)reply.Length;
        var buffer = new byte[4096];
        var engine = _gateway.Engine;
        var now = _gateway.Now;
        void Send(byte[] frame, uint sequence, uint acknowledgment, IngressSide side)
        {
            frame.CopyTo(buffer, 0);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(14 + 20 + 4), sequence);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(14 + 20 + 8), acknowledgment);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            engine.Process(ref packet, LinkType.Ethernet, now += 1000, side);
        }

        return () =>
        {
            Send(commandFrame, _clientSequence, _serverSequence, _serverInside ? IngressSide.Outside : IngressSide.Inside);
            _clientSequence += commandLength;
            Send(replyFrame, _serverSequence, _clientSequence, _serverInside ? IngressSide.Inside : IngressSide.Outside);
            _serverSequence += replyLength;
        };
    }

    private byte[] ClientFrame(TcpFlags flags, uint sequence, uint acknowledgment, byte[] payload) => _serverInside
        ? PacketBuilder.Tcp(ClientAddress, _clientPort, AlgHarness.PublishedServer, _dialledPort, flags, sequence, acknowledgment, payload)
        : PacketBuilder.Tcp(ClientAddress, _clientPort, AlgHarness.Server, _serverPort, flags, sequence, acknowledgment, payload);

    private byte[] ServerFrame(TcpFlags flags, uint sequence, uint acknowledgment, byte[] payload) => _serverInside
        ? PacketBuilder.Tcp(AlgHarness.InsideServer, _serverPort, ClientAddress, _clientPort, flags, sequence, acknowledgment, payload)
        : PacketBuilder.Tcp(AlgHarness.Server, _serverPort, AlgHarness.Public, ClientSeenPort, flags, sequence, acknowledgment, payload);
}
