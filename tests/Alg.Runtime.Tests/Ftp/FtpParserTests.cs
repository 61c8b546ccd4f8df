using System.Text;
using Alg.StdlibAlgs.Ftp;

namespace Alg.Runtime.Tests.Ftp;

/// <summary>The FTP line parser on each command and reply shape, with the RFC section that defines it.</summary>
public sealed class FtpParserTests
{
    /// <summary>RFC 959 §4.1.2: PORT h1,h2,h3,h4,p1,p2, port = p1·256 + p2.</summary>
    [Fact]
    public void Port_gives_the_address_the_port_and_the_span_of_the_numbers()
    {
        var status = FtpParser.ParseCommand("PORT 192,168,1,10,156,65\r\n"u8, out var line, out var error);

        Assert.Equal(FtpParseStatus.Complete, status);
        Assert.Equal(FtpParseError.None, error);
        Assert.Equal(FtpLineKind.Port, line.Kind);
        Assert.Equal(0xC0A8010Au, line.Address);
        Assert.Equal(40001, line.Port);
        Assert.Equal(5, line.AddressStart);
        Assert.Equal("192,168,1,10,156,65".Length, line.AddressLength);
        Assert.Equal(26, line.Length);
        Assert.True(line.EndsWithCrLf);
    }

    [Theory]
    [InlineData("PORT 192,168,1,10,156\r\n", 5)]
    [InlineData("PORT 192,168,1,256,1,1\r\n", 3)]
    [InlineData("PORT 1234,168,1,10,1,1\r\n", 0)]
    [InlineData("PORT\r\n", 0)]
    public void Port_without_six_small_numbers_is_an_error(string text, int numbers)
    {
        Assert.Equal(FtpParseStatus.Error, FtpParser.ParseCommand(Encoding.ASCII.GetBytes(text), out var line, out var error));
        Assert.Equal(FtpParseError.BadHostPort, error);
        Assert.Equal(numbers, line.NumberCount);
    }

    /// <summary>RFC 2428 §2: EPRT &lt;d&gt;net-prt&lt;d&gt;net-addr&lt;d&gt;tcp-port&lt;d&gt;, protocol 1 IPv4, 2 IPv6.</summary>
    [Theory]
    [InlineData("EPRT |1|132.235.1.2|6275|\r\n", false, 6275)]
    [InlineData("EPRT |2|1080::8:800:200C:417A|5282|\r\n", true, 5282)]
    [InlineData("eprt #1#10.0.0.1#2000#\r\n", false, 2000)]
    public void Eprt_examples_of_rfc_2428_parse(string text, bool ipv6, int port)
    {
        Assert.Equal(FtpParseStatus.Complete, FtpParser.ParseCommand(Encoding.ASCII.GetBytes(text), out var line, out _));
        Assert.Equal(FtpLineKind.Eprt, line.Kind);
        Assert.Equal(ipv6, line.IsIpv6);
        Assert.Equal(port, line.Port);
    }

    [Theory]
    [InlineData("EPRT 1|1.2.3.4|2000|\r\n", FtpParseError.BadDelimiter)]
    [InlineData("EPRT |3|1.2.3.4|2000|\r\n", FtpParseError.UnknownAddressFamily)]
    [InlineData("EPRT |1|1.2.3|2000|\r\n", FtpParseError.BadAddress)]
    [InlineData("EPRT |2|zz::1|2000|\r\n", FtpParseError.BadAddress)]
    [InlineData("EPRT |1|1.2.3.4|65536|\r\n", FtpParseError.BadPort)]
    [InlineData("EPRT |1|1.2.3.4|2000\r\n", FtpParseError.BadDelimiter)]
    public void Malformed_eprt_gives_its_reason(string text, FtpParseError reason)
    {
        Assert.Equal(FtpParseStatus.Error, FtpParser.ParseCommand(Encoding.ASCII.GetBytes(text), out _, out var error));
        Assert.Equal(reason, error);
    }

    /// <summary>RFC 959 §4.2 and RFC 1123 §4.1.2.6: a 227's numbers anywhere in its text.</summary>
    [Theory]
    [InlineData("227 Entering Passive Mode (10,0,0,1,4,1)\r\n", 27)]
    [InlineData("227 Entering Passive Mode 10,0,0,1,4,1\r\n", 26)]
    [InlineData("227 =10,0,0,1,4,1\r\n", 5)]
    [InlineData("227 Mode 3 (10,0,0,1,4,1)\r\n", 12)]
    public void Passive_reply_numbers_are_found_wherever_they_stand(string text, int start)
    {
        Assert.Equal(FtpParseStatus.Complete, FtpParser.ParseReply(Encoding.ASCII.GetBytes(text), 0, out var line, out _));
        Assert.Equal(FtpLineKind.PassiveReply, line.Kind);
        Assert.Equal(start, line.AddressStart);
        Assert.Equal(0x0A000001u, line.Address);
        Assert.Equal(1025, line.Port);
        Assert.True(line.EndsReply);
    }

    /// <summary>RFC 959 §4.2: "xyz-" opens a multi-line reply; only "xyz " with the same code ends it.</summary>
    [Fact]
    public void Multi_line_reply_is_followed_to_its_last_line()
    {
        FtpParser.ParseReply("227-Entering Passive Mode\r\n"u8, 0, out var first, out _);
        Assert.True(first.OpensMultiline);
        Assert.False(first.HasEndpoint);
        FtpParser.ParseReply("200 this is text, not an end\r\n"u8, 227, out var text, out _);
        Assert.False(text.EndsReply);
        FtpParser.ParseReply(" 10,0,0,1,4,1\r\n"u8, 227, out var numbers, out _);
        Assert.Equal(FtpLineKind.PassiveReply, numbers.Kind);
        Assert.Equal(1, numbers.AddressStart);
        FtpParser.ParseReply("227 OK\r\n"u8, 227, out var last, out _);
        Assert.True(last.EndsReply);
    }

    /// <summary>RFC 2428 §3: 229 Entering Extended Passive Mode (|||port|).</summary>
    [Fact]
    public void Extended_passive_reply_gives_its_port()
    {
        Assert.Equal(FtpParseStatus.Complete, FtpParser.ParseReply("229 Entering Extended Passive Mode (|||6446|)\r\n"u8, 0, out var line, out _));
        Assert.Equal(FtpLineKind.ExtendedPassiveReply, line.Kind);
        Assert.Equal(6446, line.Port);
        Assert.Equal(-1, line.AddressStart);
        Assert.Equal("229 Entering Extended Passive Mode (|||".Length, line.PortStart);
    }

    [Fact]
    public void Lines_without_an_end_are_incomplete_and_over_long_ones_an_error()
    {
        Assert.Equal(FtpParseStatus.Incomplete, FtpParser.ParseCommand("PORT 192,168"u8, out _, out _));
        Assert.Equal(FtpParseStatus.Incomplete, FtpParser.ParseReply("227 Entering"u8, 0, out _, out _));
        var longLine = new byte[FtpParser.MaxLineLength + 10];
        longLine.AsSpan().Fill((byte)'A');
        Assert.Equal(FtpParseStatus.Error, FtpParser.ParseCommand(longLine, out var line, out var error));
        Assert.Equal(FtpParseError.LineTooLong, error);
        Assert.Equal(longLine.Length, line.Length);
    }

    [Fact]
    public void A_server_line_without_a_code_is_not_a_reply()
    {
        Assert.Equal(FtpParseStatus.Error, FtpParser.ParseReply("PORT 1,2,3,4,5,6\r\n"u8, 0, out _, out var error));
        Assert.Equal(FtpParseError.NotAReply, error);
    }

    /// <summary>RFC 4217 §4 AUTH TLS; RFC 959 §4.1 verbs are case-insensitive; Telnet IAC before a verb (RFC 959 §4.1.3).</summary>
    [Theory]
    [InlineData("AUTH TLS\r\n", FtpLineKind.Auth, true, FtpCommandSet.None)]
    [InlineData("auth ssl\r\n", FtpLineKind.Auth, true, FtpCommandSet.None)]
    [InlineData("AUTH GSSAPI\r\n", FtpLineKind.Command, true, FtpCommandSet.None)]
    [InlineData("stor x\r\n", FtpLineKind.Command, true, FtpCommandSet.Put)]
    [InlineData("RETR x\r\n", FtpLineKind.Command, true, FtpCommandSet.Get)]
    [InlineData("XMKD d\r\n", FtpLineKind.Command, true, FtpCommandSet.Mkd)]
    [InlineData("\u00ff\u00f4\u00ff\u00f2ABOR\r\n", FtpLineKind.Command, true, FtpCommandSet.None)]
    [InlineData("GET / HTTP/1.1\r\n", FtpLineKind.Command, false, FtpCommandSet.None)]
    public void Commands_are_classified(string text, FtpLineKind kind, bool known, FtpCommandSet command)
    {
        FtpParser.ParseCommand(Encoding.Latin1.GetBytes(text), out var line, out _);
        Assert.Equal(kind, line.Kind);
        Assert.Equal(known, line.KnownVerb);
        Assert.Equal(command, line.Command);
    }
}
