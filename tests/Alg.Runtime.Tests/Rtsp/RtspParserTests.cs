using System.Text;
using Alg.StdlibAlgs.Rtsp;

namespace Alg.Runtime.Tests.Rtsp;

/// <summary>The RTSP framing (RFC 2326 §4, §6-7, §10.12) and Transport parser (RFC 2326 §12.39, RFC 7826 §18.54).</summary>
public sealed class RtspParserTests
{
    [Fact]
    public void A_setup_request_is_framed_and_its_headers_located_rfc2326_6()
    {
        var text = "SETUP rtsp://s/t RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP;unicast;client_port=5000-5001\r\nSession: 12ab;timeout=60\r\n\r\nOPTIONS";
        var data = Encoding.ASCII.GetBytes(text);

        Assert.Equal(RtspParseStatus.Complete, RtspMessageParser.Parse(data, out var message, out _));
        Assert.Equal(RtspMethod.Setup, message.Method);
        Assert.True(message.IsRequest);
        Assert.Equal(3, message.CSeq);
        Assert.Equal(1, message.MajorVersion);
        Assert.Equal("RTP/AVP;unicast;client_port=5000-5001", Encoding.ASCII.GetString(data, message.TransportStart, message.TransportLength));
        Assert.Equal("12ab", Encoding.ASCII.GetString(RtspMessageParser.SessionId(data.AsSpan(message.SessionStart, message.SessionLength))));
        Assert.Equal(text.IndexOf("OPTIONS", StringComparison.Ordinal), message.Length);
    }

    [Theory]
    [InlineData("RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 4\r\n\r\nv=0\n", RtspParseStatus.Complete, RtspParseError.None)]
    [InlineData("RTSP/2.0 454 Session Not Found\r\n\r\n", RtspParseStatus.Complete, RtspParseError.None)]
    [InlineData("RTSP/1.0 200 OK\r\nContent-Length: 10\r\n\r\nv=0", RtspParseStatus.Incomplete, RtspParseError.None)]
    [InlineData("SETUP rtsp://s/t RTSP/1.0\r\nCSeq", RtspParseStatus.Incomplete, RtspParseError.None)]
    [InlineData("SETUP rtsp://s/t", RtspParseStatus.Incomplete, RtspParseError.None)]
    [InlineData("$\u0000\u0000\u0010", RtspParseStatus.Interleaved, RtspParseError.None)]
    [InlineData("$\u0000", RtspParseStatus.Incomplete, RtspParseError.None)]
    [InlineData("GET / HTTP/1.1\r\n\r\n", RtspParseStatus.Error, RtspParseError.NotAStartLine)]
    [InlineData("RTSP/3.0 200 OK\r\n\r\n", RtspParseStatus.Error, RtspParseError.NotAStartLine)]
    [InlineData("RTSP/1.0 20 OK\r\n\r\n", RtspParseStatus.Error, RtspParseError.NotAStartLine)]
    [InlineData("\u0016\u0003\u0001\u0002", RtspParseStatus.Error, RtspParseError.NotAStartLine)]
    [InlineData("PLAY rtsp://s/t RTSP/1.0\r\nno colon\r\n\r\n", RtspParseStatus.Error, RtspParseError.BadHeader)]
    [InlineData("PLAY rtsp://s/t RTSP/1.0\r\nContent-Length: x\r\n\r\n", RtspParseStatus.Error, RtspParseError.BadContentLength)]
    [InlineData("PLAY rtsp://s/t RTSP/1.0\r\nContent-Length: 99999\r\n\r\n", RtspParseStatus.Error, RtspParseError.TooLong)]
    public void Framing_follows_rfc2326_4_and_10_12(string text, RtspParseStatus status, RtspParseError error)
    {
        Assert.Equal(status, RtspMessageParser.Parse(Encoding.Latin1.GetBytes(text), out _, out var actual));
        Assert.Equal(error, actual);
        Assert.False(string.IsNullOrWhiteSpace(RtspMessageParser.Describe(actual)));
    }

    [Fact]
    public void Transport_alternatives_ranges_and_addresses_are_located_rfc2326_12_39()
    {
        var value = Encoding.ASCII.GetBytes("RTP/AVP;multicast;destination=224.2.0.1;port=3456-3457, RTP/AVP;unicast;client_port=4588-4589;destination=192.168.1.10, RTP/AVP/TCP;interleaved=0-1, x-real-rdt/udp;client_port=6970");
        Span<RtspTransportParam> parameters = new RtspTransportParam[16];

        Assert.True(RtspTransportParser.TryParse(value, parameters, out var count));
        var found = parameters[..count].ToArray();

        Assert.Equal(4, found.Length);
        Assert.False(found[0].Udp); // multicast: nothing to open
        Assert.Equal((1, RtspTransportParamKind.ClientPort, 4588, 4589, true), (found[1].Alternative, found[1].Kind, found[1].Port, found[1].SecondPort, found[1].Udp));
        Assert.Equal("4589", Encoding.ASCII.GetString(value, found[1].SecondPortStart, found[1].SecondPortLength));
        Assert.Equal(RtspTransportParamKind.Destination, found[2].Kind);
        Assert.Equal(";destination=192.168.1.10", Encoding.ASCII.GetString(value, found[2].Start, found[2].Length));
        Assert.Equal((3, 6970, -1, true), (found[3].Alternative, found[3].Port, found[3].SecondPort, found[3].Udp));
    }

    [Fact]
    public void Rtsp2_dest_addr_gives_one_entry_per_quoted_address_rfc7826_18_54()
    {
        var value = Encoding.ASCII.GetBytes("RTP/AVP;unicast;dest_addr=\"192.0.2.5:4588\"/\":4589\";mode=play");
        Span<RtspTransportParam> parameters = new RtspTransportParam[8];

        Assert.True(RtspTransportParser.TryParse(value, parameters, out var count));

        Assert.Equal(2, count);
        Assert.Equal("192.0.2.5", Encoding.ASCII.GetString(value, parameters[0].AddressStart, parameters[0].AddressLength));
        Assert.Equal(4588, parameters[0].Port);
        Assert.False(parameters[1].HasAddress);
        Assert.Equal("4589", Encoding.ASCII.GetString(value, parameters[1].PortStart, parameters[1].PortLength));
    }

    [Theory]
    [InlineData("RTP/AVP;client_port=0-1")]
    [InlineData("RTP/AVP;client_port=70000")]
    [InlineData("RTP/AVP;client_port=5000-")]
    [InlineData("RTP/AVP;client_port=5000x5001")]
    [InlineData("RTP/AVP;dest_addr=\"192.0.2.5:4588")]
    [InlineData("RTP/AVP;dest_addr=\"192.0.2.5\"")]
    public void Transports_the_alg_cannot_trust_are_refused(string transport)
    {
        Span<RtspTransportParam> parameters = new RtspTransportParam[8];
        Assert.False(RtspTransportParser.TryParse(Encoding.ASCII.GetBytes(transport), parameters, out _));
    }
}
