using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>One TCP connection from an inside client to an outside server through a <see cref="SipHarness"/>
/// gateway, keeping both sides' sequence numbers as each side sent them (RFC 9293 §3.4).</summary>
public sealed class TcpPeer(SipHarness gateway, uint client, ushort clientPort, uint server, ushort serverPort)
{
    private uint _clientSequence = 1000;
    private uint _serverSequence = 50000;
    private long _now;

    /// <summary>The client's port as the server sees it.</summary>
    public ushort MappedPort { get; private set; }

    public void Connect()
    {
        var syn = gateway.Send(PacketBuilder.Tcp(client, clientPort, server, serverPort, TcpFlags.Syn, _clientSequence++), Tick(), IngressSide.Inside);
        MappedPort = syn.Info.SourcePort;
        gateway.Send(PacketBuilder.Tcp(server, serverPort, SipHarness.Public, MappedPort, TcpFlags.Syn | TcpFlags.Ack, _serverSequence++, _clientSequence), Tick(), IngressSide.Outside);
        gateway.Send(PacketBuilder.Tcp(client, clientPort, server, serverPort, TcpFlags.Ack, _clientSequence, _serverSequence), Tick(), IngressSide.Inside);
    }

    public SentPacket Send(byte[] payload)
    {
        var sent = gateway.Send(PacketBuilder.Tcp(client, clientPort, server, serverPort, TcpFlags.Ack | TcpFlags.Psh, _clientSequence, _serverSequence, payload), Tick(), IngressSide.Inside);
        _clientSequence += (uint)payload.Length;
        return sent;
    }

    /// <summary>Sends <paramref name="payload"/> again from the sequence number it was first sent at.</summary>
    public SentPacket Retransmit(byte[] payload) =>
        gateway.Send(PacketBuilder.Tcp(client, clientPort, server, serverPort, TcpFlags.Ack | TcpFlags.Psh, _clientSequence - (uint)payload.Length, _serverSequence, payload), Tick(), IngressSide.Inside);

    public SentPacket Answer(byte[] payload)
    {
        var sent = gateway.Send(PacketBuilder.Tcp(server, serverPort, SipHarness.Public, MappedPort, TcpFlags.Ack | TcpFlags.Psh, _serverSequence, _clientSequence, payload), Tick(), IngressSide.Outside);
        _serverSequence += (uint)payload.Length;
        return sent;
    }

    private long Tick() => _now += 1_000_000;
}
