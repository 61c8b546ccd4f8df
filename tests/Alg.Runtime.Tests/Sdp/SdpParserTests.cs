using System.Text;
using Alg.StdlibAlgs.Sdp;
using Alg.StdlibAlgs.Sip;

namespace Alg.Runtime.Tests.Sdp;

/// <summary>The SDP line finder against RFC 4566 / RFC 8866 §5 and RFC 3605 §2.1.</summary>
public sealed class SdpParserTests
{
    private const string Offer =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 192.168.1.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.168.1.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 6000 RTP/AVP 0 8 101\r\n" +
        "a=rtcp:6001 IN IP4 192.168.1.10\r\n" +
        "m=video 6002/2 RTP/AVP 96\r\n" +
        "c=IN IP4 192.168.1.11/127\r\n" +
        "a=rtcp-mux\r\n";

    [Fact]
    public void Addresses_and_ports_are_located_rfc8866_5_2_5_7_5_14()
    {
        var body = Encoding.ASCII.GetBytes(Offer);
        var lines = new SdpLine[16];

        var count = SdpParser.Parse(body, lines, out var ice);

        Assert.False(ice);
        Assert.Equal(7, count);
        Assert.Equal(SdpLineKind.Origin, lines[0].Kind);
        Assert.Equal("192.168.1.10", Text(body, lines[0].AddressStart, lines[0].AddressLength));
        Assert.Equal(-1, lines[0].MediaIndex);
        Assert.Equal(SdpLineKind.Connection, lines[1].Kind);
        Assert.Equal(-1, lines[1].MediaIndex);
        Assert.Equal(SdpLineKind.Media, lines[2].Kind);
        Assert.Equal("6000", Text(body, lines[2].PortStart, lines[2].PortLength));
        Assert.Equal(0, lines[2].MediaIndex);
        Assert.Equal(SdpLineKind.Rtcp, lines[3].Kind);
        Assert.Equal("6001", Text(body, lines[3].PortStart, lines[3].PortLength));
        Assert.Equal("192.168.1.10", Text(body, lines[3].AddressStart, lines[3].AddressLength));
        Assert.Equal("6002", Text(body, lines[4].PortStart, lines[4].PortLength));
        Assert.Equal(1, lines[4].MediaIndex);
        Assert.Equal("192.168.1.11", Text(body, lines[5].AddressStart, lines[5].AddressLength));
        Assert.Equal(1, lines[5].MediaIndex);
        Assert.Equal(SdpLineKind.RtcpMux, lines[6].Kind);
    }

    [Fact]
    public void Bare_lf_lines_are_accepted_rfc8866_5()
    {
        var body = Encoding.ASCII.GetBytes(Offer.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Equal(7, SdpParser.Parse(body, new SdpLine[16], out _));
    }

    [Fact]
    public void Ice_candidates_mark_the_body_to_be_left_alone_rfc8445_5_4()
    {
        var body = Encoding.ASCII.GetBytes(Offer + "a=candidate:1 1 UDP 2130706431 192.168.1.10 6000 typ host\r\n");

        SdpParser.Parse(body, new SdpLine[16], out var ice);

        Assert.True(ice);
    }

    [Fact]
    public void Port_zero_and_hold_address_are_reported_as_written_rfc3264_6_and_8()
    {
        var body = Encoding.ASCII.GetBytes("v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 0 RTP/AVP 0\r\n");
        var lines = new SdpLine[4];

        Assert.Equal(2, SdpParser.Parse(body, lines, out _));
        Assert.Equal("0.0.0.0", Text(body, lines[0].AddressStart, lines[0].AddressLength));
        Assert.Equal("0", Text(body, lines[1].PortStart, lines[1].PortLength));
    }

    [Fact]
    public void Too_small_a_buffer_is_said_not_truncated()
    {
        Assert.Equal(-1, SdpParser.Parse(Encoding.ASCII.GetBytes(Offer), new SdpLine[2], out _));
    }

    [Fact]
    public void Parsing_allocates_nothing()
    {
        var body = Encoding.ASCII.GetBytes(Offer);
        var lines = new SdpLine[16];
        SdpParser.Parse(body, lines, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            SdpParser.Parse(body, lines, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string Text(byte[] data, int start, int length) => Encoding.ASCII.GetString(data, start, length);
}
