using System.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// One FTP control connection through an <see cref="FtpHarness"/>: client inside and server outside, or (server inside)
/// client outside dialling the published server. Each side acknowledges what it really received (the sequence numbers
/// of the segments that left the gateway), so a length-changing rewrite's seq/ack shift is exercised (RFC 9293 §3.4).
/// </summary>
public sealed class FtpControl
{
    private readonly FtpHarness _gateway;
    private readonly bool _serverInside;
    private readonly ushort _clientPort;
    private uint _clientSequence = 1000;
    private uint _serverSequence = 50000;
    private uint _serverReceivedUpTo;
    private uint _clientReceivedUpTo;

    public FtpControl(FtpHarness gateway, bool serverInside = false, ushort clientPort = 40000)
    {
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

    private uint ClientAddress => _serverInside ? FtpHarness.Server : FtpHarness.Client;

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

    public SentPacket Answer(string text)
    {
        var payload = Encoding.ASCII.GetBytes(text);
        var sent = FromServer(TcpFlags.Ack | TcpFlags.Psh, _serverSequence, _serverReceivedUpTo, payload);
        _serverSequence += (uint)payload.Length;
        if (sent.Forwarded)
        {
            _clientReceivedUpTo = Tcp.Sequence(sent.Frame, sent.Info) + (uint)sent.Info.PayloadLength;
            LastAckToClient = Tcp.Acknowledgment(sent.Frame, sent.Info);
        }

        return sent;
    }

    private SentPacket FromClient(TcpFlags flags, uint sequence, uint acknowledgment, byte[] payload) => _serverInside
        ? _gateway.Send(PacketBuilder.Tcp(ClientAddress, _clientPort, FtpHarness.PublishedServer, 21, flags, sequence, acknowledgment, payload), IngressSide.Outside)
        : _gateway.Send(PacketBuilder.Tcp(ClientAddress, _clientPort, FtpHarness.Server, 21, flags, sequence, acknowledgment, payload), IngressSide.Inside);

    private SentPacket FromServer(TcpFlags flags, uint sequence, uint acknowledgment, byte[] payload) => _serverInside
        ? _gateway.Send(PacketBuilder.Tcp(FtpHarness.InsideServer, 21, ClientAddress, _clientPort, flags, sequence, acknowledgment, payload), IngressSide.Inside)
        : _gateway.Send(PacketBuilder.Tcp(FtpHarness.Server, 21, FtpHarness.Public, ClientSeenPort, flags, sequence, acknowledgment, payload), IngressSide.Outside);
}
