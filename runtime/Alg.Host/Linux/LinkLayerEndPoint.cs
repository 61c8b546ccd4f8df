using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Alg.Host.Linux;

/// <summary>A <c>sockaddr_ll</c> (packet(7)): the interface and EtherType an AF_PACKET socket binds to.</summary>
/// <remarks>.NET has no link-layer endpoint; <see cref="Socket.Bind"/> only needs the serialised form.</remarks>
internal sealed class LinkLayerEndPoint(int interfaceIndex, ushort etherType) : EndPoint
{
    private const int SockaddrLlSize = 20;

    public int InterfaceIndex { get; } = interfaceIndex;

    public ushort EtherType { get; } = etherType;

    public override AddressFamily AddressFamily => AddressFamily.Packet;

    public override SocketAddress Serialize()
    {
        var address = new SocketAddress(AddressFamily.Packet, SockaddrLlSize);
        Span<byte> tail = stackalloc byte[SockaddrLlSize - 2];
        BinaryPrimitives.WriteUInt16BigEndian(tail, EtherType);
        BinaryPrimitives.WriteInt32LittleEndian(tail[2..], InterfaceIndex);
        for (var i = 0; i < tail.Length; i++)
        {
            address[2 + i] = tail[i];
        }

        return address;
    }

    public override EndPoint Create(SocketAddress socketAddress) =>
        new LinkLayerEndPoint(
            socketAddress[4] | (socketAddress[5] << 8) | (socketAddress[6] << 16) | (socketAddress[7] << 24),
            (ushort)((socketAddress[2] << 8) | socketAddress[3]));
}
