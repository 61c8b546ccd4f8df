using System.Net.Sockets;

namespace Alg.Host.Linux;

/// <summary>
/// An AF_PACKET raw socket bound to one interface: whole Ethernet frames in and out, every EtherType.
/// Non-blocking; the worker waits on several with <see cref="LinuxNative.Poll"/>.
/// </summary>
/// <remarks>
/// Frames this process sends come back on an ETH_P_ALL socket as PACKET_OUTGOING; PACKET_IGNORE_OUTGOING
/// (Linux 4.20) stops that in the kernel, so every frame read is one that arrived. The socket is created
/// with protocol 0 (receives nothing) and starts receiving only once bound, so no frame of another
/// interface slips in between.
/// </remarks>
internal sealed class PacketSocket : IDisposable
{
    private const ushort EtherTypeAll = 0x0003;
    private const int SolPacket = 263;
    private const int PacketIgnoreOutgoing = 23;
    private const int PacketStatistics = 6;
    private const int SolSocket = 1;
    private const int SoSendBufferForce = 32;
    private const int SoReceiveBufferForce = 33;
    private const int BufferBytes = 16 << 20;
    private readonly byte[] _statistics = new byte[8];
    private readonly Socket _socket;

    public PacketSocket(int interfaceIndex)
    {
        _socket = new Socket(AddressFamily.Packet, SocketType.Raw, ProtocolType.IP);
        try
        {
            _socket.Blocking = false;
            _socket.SetRawSocketOption(SolPacket, PacketIgnoreOutgoing, BitConverter.GetBytes(1));
            // SO_RCVBUF is capped by net.core.rmem_max (about 200 KiB by default): a few milliseconds of SIP at
            // thousands of calls a second, lost whenever the worker is not scheduled. The FORCE variants (root,
            // CAP_NET_ADMIN) ignore the cap.
            _socket.SetRawSocketOption(SolSocket, SoReceiveBufferForce, BitConverter.GetBytes(BufferBytes));
            _socket.SetRawSocketOption(SolSocket, SoSendBufferForce, BitConverter.GetBytes(BufferBytes));
            _socket.Bind(new LinkLayerEndPoint(interfaceIndex, EtherTypeAll));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    public int FileDescriptor => (int)_socket.Handle;

    /// <summary>The next frame's length, 0 when none is waiting.</summary>
    public int Receive(Span<byte> buffer)
    {
        var length = _socket.Receive(buffer, SocketFlags.None, out var error);
        return error switch
        {
            SocketError.Success => length,
            SocketError.WouldBlock or SocketError.Interrupted => 0,
            _ => throw new SocketException((int)error),
        };
    }

    /// <summary>Queues one frame; false when the kernel refused it (queue full, interface down).</summary>
    public bool Send(ReadOnlySpan<byte> frame) => _socket.Send(frame, SocketFlags.None, out var error) == frame.Length && error == SocketError.Success;

    /// <summary>Frames the kernel dropped because the receive queue was full since the last call (PACKET_STATISTICS resets on read).</summary>
    public long TakeKernelDrops()
    {
        var length = _socket.GetRawSocketOption(SolPacket, PacketStatistics, _statistics);

        // struct tpacket_stats { unsigned tp_packets; unsigned tp_drops; }
        return length >= 8 ? BitConverter.ToUInt32(_statistics, 4) : 0;
    }

    public void Dispose() => _socket.Dispose();
}
