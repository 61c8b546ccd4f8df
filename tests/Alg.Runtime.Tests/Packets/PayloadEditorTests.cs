using System.Text;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Packets;

public sealed class PayloadEditorTests
{
    private static PacketBuffer WithRoom(byte[] frame, int room)
    {
        var array = new byte[frame.Length + room];
        frame.CopyTo(array, 0);
        return new PacketBuffer(array, 0, frame.Length, array.Length);
    }

    [Theory]
    [InlineData("203.0.113.1")]
    [InlineData("203.0.113.100")]
    [InlineData("1.2.3.4")]
    public void Udp_payload_grows_or_shrinks_with_lengths_and_checksums_fixed(string replacement)
    {
        var frame = PacketBuilder.Udp(Ip.V4("192.168.1.10"), 5060, Ip.V4("198.51.100.7"), 5060, "c=IN IP4 192.168.1.10\r\n"u8);
        var packet = WithRoom(frame, 64);
        var info = Decoded.Ethernet(frame);

        var reason = PayloadEditor.TryReplace(ref packet, ref info, info.PayloadOffset + 9, "192.168.1.10".Length, Encoding.ASCII.GetBytes(replacement));

        Assert.Equal(DropReason.None, reason);
        var edited = packet.Span.ToArray();
        Assert.True(PacketBuilder.ChecksumsValid(edited));
        var again = Decoded.Ethernet(edited);
        Assert.False(again.IsDropped);
        Assert.Equal($"c=IN IP4 {replacement}\r\n", Encoding.ASCII.GetString(edited.AsSpan(again.PayloadOffset, again.PayloadLength)));
    }

    [Fact]
    public void Tcp_payload_edit_keeps_the_checksum_right()
    {
        var frame = PacketBuilder.Tcp(Ip.V4("192.168.1.10"), 21, Ip.V4("198.51.100.7"), 40000, TcpFlags.Ack | TcpFlags.Psh, 10, 20, "PORT 192,168,1,10,4,1\r\n"u8);
        var packet = WithRoom(frame, 16);
        var info = Decoded.Ethernet(frame);
        Assert.Equal(DropReason.None, PayloadEditor.TryReplace(ref packet, ref info, info.PayloadOffset + 5, 16, "203,0,113,1,4,1"u8));
        Assert.True(PacketBuilder.ChecksumsValid(packet.Span));
        Assert.Equal(frame.Length - 1, packet.Length);
    }

    [Fact]
    public void Edit_that_does_not_fit_the_buffer_is_refused_untouched()
    {
        var frame = PacketBuilder.Udp(Ip.V4("192.168.1.10"), 5060, Ip.V4("198.51.100.7"), 5060, "abc"u8);
        var packet = WithRoom(frame, 2);
        var info = Decoded.Ethernet(frame);
        Assert.Equal(DropReason.BufferTooSmall, PayloadEditor.TryReplace(ref packet, ref info, info.PayloadOffset, 1, "12345"u8));
        Assert.Equal(frame, packet.Span.ToArray());
    }
}
