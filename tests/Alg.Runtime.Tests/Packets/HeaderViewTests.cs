using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Packets;

public sealed class HeaderViewTests
{
    [Fact]
    public void Views_read_and_write_the_packet_in_place()
    {
        var frame = PacketBuilder.Tcp(Ip.V4("192.168.1.10"), 5060, Ip.V4("198.51.100.7"), 80, TcpFlags.Syn | TcpFlags.Ack, 111, 222, "GET"u8);
        var info = Decoded.Ethernet(frame);

        var ip = PacketViews.Ipv4(frame, info);
        Assert.Equal(20, ip.HeaderLength);
        Assert.Equal(Ip.V4("192.168.1.10"), ip.Source);
        Assert.Equal(IpProtocol.Tcp, ip.Protocol);
        ip.TimeToLive = 63;

        var tcp = PacketViews.Tcp(frame, info);
        Assert.Equal(111u, tcp.Sequence);
        Assert.Equal(222u, tcp.Acknowledgment);
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, tcp.Flags);
        Assert.Equal("GET"u8.ToArray(), PacketViews.Payload(frame, info).ToArray());
        tcp.DestinationPort = 8080;

        var again = Decoded.Ethernet(frame);
        Assert.Equal(8080, again.DestinationPort);
        Assert.Equal(63, frame[14 + 8]);
    }

    [Fact]
    public void Udp_view_exposes_length_and_checksum()
    {
        var frame = PacketBuilder.Udp(Ip.V4("192.168.1.10"), 5060, Ip.V4("198.51.100.7"), 5060, "abc"u8, withChecksum: false);
        var info = Decoded.Ethernet(frame);
        var udp = PacketViews.Udp(frame, info);
        Assert.Equal(11, udp.Length);
        Assert.Equal(0, udp.Checksum);
        Assert.Equal(5060, udp.SourcePort);
    }
}
