using System.Text;
using Alg.StdlibAlgs.Sip;

namespace Alg.Runtime.Tests.Sip;

/// <summary>The span-based SIP parser against RFC 3261 §7 (message format) and §18.3 (framing).</summary>
public sealed class SipMessageParserTests
{
    private const string Invite =
        "INVITE sip:bob@203.0.113.20 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@203.0.113.20>\r\n" +
        "From: Alice <sip:alice@192.168.1.10>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@192.168.1.10\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@192.168.1.10:5060>\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 10\r\n" +
        "\r\n" +
        "v=0\r\no=x\r\n";

    [Theory]
    [InlineData("HELLO\r\n\r\n", SipParseStatus.NotSip, SipParseError.NotAStartLine)]
    [InlineData("SIP/2.0 99 Odd\r\n\r\n", SipParseStatus.NotSip, SipParseError.NotAStartLine)]
    [InlineData("OPTIONS sip:a SIP/2.0\r\nVia: x", SipParseStatus.Malformed, SipParseError.HeaderSectionUnterminated)]
    [InlineData("OPTIONS sip:a SIP/2.0\r\n folded\r\n\r\n", SipParseStatus.Malformed, SipParseError.FoldedFirstHeader)]
    [InlineData("OPTIONS sip:a SIP/2.0\r\nNoColonHere\r\n\r\n", SipParseStatus.Malformed, SipParseError.HeaderWithoutColon)]
    [InlineData("OPTIONS sip:a SIP/2.0\r\nContent-Length: ten\r\n\r\n", SipParseStatus.Malformed, SipParseError.BadContentLength)]
    [InlineData("OPTIONS sip:a SIP/2.0\r\nContent-Length: 10\r\n\r\nv=0", SipParseStatus.Malformed, SipParseError.BodyShorterThanContentLength)]
    [InlineData("OPTIONS sip:a SIP/2.0\r\nContent-Length: 0\r\n\r\n", SipParseStatus.Complete, SipParseError.None)]
    public void Each_refusal_has_its_reason_rfc3261_7_and_18_3(string datagram, SipParseStatus status, SipParseError error)
    {
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];

        Assert.Equal(status, SipMessageParser.Parse(Bytes(datagram), stream: false, fields, out _, out var actual));
        Assert.Equal(error, actual);
        Assert.False(string.IsNullOrWhiteSpace(SipMessageParser.Describe(actual)));
    }

    [Fact]
    public void Too_many_header_fields_are_refused_not_truncated()
    {
        var message = "OPTIONS sip:a SIP/2.0\r\n" + string.Concat(Enumerable.Repeat("X-A: 1\r\n", SipMessageParser.MaxHeaders + 1)) + "\r\n";
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];

        Assert.Equal(SipParseStatus.Malformed, SipMessageParser.Parse(Bytes(message), stream: false, fields, out _, out var error));
        Assert.Equal(SipParseError.TooManyHeaders, error);
    }

    [Fact]
    public void Request_line_headers_and_body_are_located_rfc3261_7()
    {
        var data = Bytes(Invite);
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];

        var status = SipMessageParser.Parse(data, stream: false, fields, out var message);

        Assert.Equal(SipParseStatus.Complete, status);
        Assert.True(message.IsRequest);
        Assert.Equal("INVITE", Text(data, message.MethodStart, message.MethodLength));
        Assert.Equal("sip:bob@203.0.113.20", Text(data, message.RequestUriStart, message.RequestUriLength));
        Assert.Equal(9, message.HeaderCount);
        Assert.Equal(10, message.DeclaredContentLength);
        Assert.Equal("v=0\r\no=x\r\n", Text(data, message.BodyStart, message.BodyLength));
        var via = fields[0];
        Assert.Equal(SipHeaderKind.Via, via.Kind);
        Assert.Equal("SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK776asdhds;rport", Text(data, via.ValueStart, via.ValueLength));
        Assert.Equal(SipHeaderKind.Contact, fields[6].Kind);
    }

    [Fact]
    public void Status_line_gives_the_code_rfc3261_7_2()
    {
        var data = Bytes("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(SipParseStatus.Complete, SipMessageParser.Parse(data, true, new SipHeaderField[8], out var message));
        Assert.Equal(200, message.StatusCode);
        Assert.False(message.IsRequest);
        Assert.Equal(data.Length, message.End);
    }

    [Theory]
    [InlineData("v", SipHeaderKind.Via)]
    [InlineData("m", SipHeaderKind.Contact)]
    [InlineData("f", SipHeaderKind.From)]
    [InlineData("t", SipHeaderKind.To)]
    [InlineData("i", SipHeaderKind.CallId)]
    [InlineData("l", SipHeaderKind.ContentLength)]
    [InlineData("c", SipHeaderKind.ContentType)]
    [InlineData("VIA", SipHeaderKind.Via)]
    [InlineData("cOnTaCt", SipHeaderKind.Contact)]
    [InlineData("record-route", SipHeaderKind.RecordRoute)]
    [InlineData("X-Custom", SipHeaderKind.Other)]
    public void Compact_and_mixed_case_names_rfc3261_7_3_1_and_7_3_3(string name, SipHeaderKind kind)
    {
        Assert.Equal(kind, SipMessageParser.KindOf(Encoding.ASCII.GetBytes(name)));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Any_line_ending_is_accepted(string newline)
    {
        // The header section in the given line ends; the body keeps its 10 bytes so Content-Length still holds.
        var split = Invite.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var data = Bytes(Invite[..split].Replace("\r\n", newline, StringComparison.Ordinal) + newline + newline + Invite[(split + 4)..]);
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];

        Assert.Equal(SipParseStatus.Complete, SipMessageParser.Parse(data, false, fields, out var message));
        Assert.Equal(9, message.HeaderCount);
        Assert.Equal(10, message.BodyLength);
        Assert.Equal("SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK776asdhds;rport", Text(data, fields[0].ValueStart, fields[0].ValueLength));
    }

    [Fact]
    public void Folded_header_value_spans_its_continuation_lines_rfc3261_7_3_1()
    {
        var data = Bytes("OPTIONS sip:a@b SIP/2.0\r\nContact: <sip:a@192.168.1.10>,\r\n <sip:a@192.168.1.11>\r\nContent-Length: 0\r\n\r\n");
        var fields = new SipHeaderField[8];

        Assert.Equal(SipParseStatus.Complete, SipMessageParser.Parse(data, true, fields, out var message));
        Assert.Equal(2, message.HeaderCount);
        Assert.Equal("<sip:a@192.168.1.10>,\r\n <sip:a@192.168.1.11>", Text(data, fields[0].ValueStart, fields[0].ValueLength));
    }

    [Fact]
    public void On_a_stream_a_short_body_is_incomplete_rfc3261_18_3()
    {
        var whole = Bytes(Invite);
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];

        for (var cut = 1; cut < whole.Length; cut++)
        {
            Assert.Equal(SipParseStatus.Incomplete, SipMessageParser.Parse(whole.AsSpan(0, cut), stream: true, fields, out _));
        }

        Assert.Equal(SipParseStatus.Complete, SipMessageParser.Parse(whole, stream: true, fields, out var message));
        Assert.Equal(whole.Length, message.End);
    }

    [Fact]
    public void On_a_stream_two_messages_in_one_segment_are_framed_by_content_length()
    {
        var one = "SIP/2.0 100 Trying\r\nContent-Length: 0\r\n\r\n";
        var data = Bytes(one + Invite);
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];

        Assert.Equal(SipParseStatus.Complete, SipMessageParser.Parse(data, true, fields, out var first));
        Assert.Equal(one.Length, first.End);
        Assert.Equal(SipParseStatus.Complete, SipMessageParser.Parse(data.AsSpan(first.End), true, fields, out var second));
        Assert.True(second.IsRequest);
    }

    [Fact]
    public void In_a_datagram_content_length_bounds_the_body_and_extra_bytes_are_not_part_of_it_rfc3261_18_3()
    {
        var data = Bytes(Invite.Replace("Content-Length: 10", "Content-Length: 3", StringComparison.Ordinal));

        Assert.Equal(SipParseStatus.Complete, SipMessageParser.Parse(data, false, new SipHeaderField[16], out var message));
        Assert.Equal(3, message.DeclaredContentLength);
        Assert.Equal(3, message.BodyLength);
    }

    [Fact]
    public void In_a_datagram_without_content_length_the_body_runs_to_the_end_rfc3261_18_3()
    {
        var data = Bytes(Invite.Replace("Content-Length: 10\r\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal(SipParseStatus.Complete, SipMessageParser.Parse(data, false, new SipHeaderField[16], out var message));
        Assert.Equal(-1, message.DeclaredContentLength);
        Assert.Equal(10, message.BodyLength);
    }

    [Fact]
    public void A_datagram_that_ends_before_its_content_length_is_malformed_rfc3261_18_3()
    {
        var data = Bytes(Invite.Replace("Content-Length: 10", "Content-Length: 30", StringComparison.Ordinal));

        Assert.Equal(SipParseStatus.Malformed, SipMessageParser.Parse(data, false, new SipHeaderField[16], out _));
    }

    [Theory]
    [InlineData("POST /x HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET / HTTP/1.0\r\n\r\n")]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001")]
    [InlineData("SIP/2.0 abc OK\r\n\r\n")]
    [InlineData(" INVITE sip:a@b SIP/2.0\r\n\r\n")]
    public void Anything_else_is_not_sip(string text)
    {
        Assert.Equal(SipParseStatus.NotSip, SipMessageParser.Parse(Bytes(text), true, new SipHeaderField[8], out _));
    }

    [Theory]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nno colon here\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\n folded first\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nContent-Length: 12a\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nContent-Length: 99999999999\r\n\r\n")]
    public void Broken_header_sections_are_malformed(string text)
    {
        Assert.Equal(SipParseStatus.Malformed, SipMessageParser.Parse(Bytes(text), true, new SipHeaderField[8], out _));
    }

    [Fact]
    public void Too_many_headers_are_refused_not_truncated()
    {
        var text = new StringBuilder("OPTIONS sip:a@b SIP/2.0\r\n");
        for (var i = 0; i < SipMessageParser.MaxHeaders + 1; i++)
        {
            text.Append("X-H: 1\r\n");
        }

        text.Append("\r\n");

        Assert.Equal(SipParseStatus.Malformed, SipMessageParser.Parse(Bytes(text.ToString()), false, new SipHeaderField[SipMessageParser.MaxHeaders], out _));
    }

    [Fact]
    public void Parsing_allocates_nothing()
    {
        var data = Bytes(Invite);
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];
        SipMessageParser.Parse(data, false, fields, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            SipMessageParser.Parse(data, false, fields, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    private static string Text(byte[] data, int start, int length) => Encoding.Latin1.GetString(data, start, length);
}
