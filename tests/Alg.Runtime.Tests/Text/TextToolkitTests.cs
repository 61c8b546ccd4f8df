using System.Text;
using Alg.Runtime.Algs;
using Alg.StdlibAlgs.Text;

namespace Alg.Runtime.Tests.Text;

/// <summary>The shared text toolkit of the line-based ALGs (SIP, FTP): parse and format without allocating.</summary>
public sealed class TextToolkitTests
{
    [Theory]
    [InlineData("0,0,0,0,0,0", 0u, 0)]
    [InlineData("255,255,255,255,255,255", 0xFFFFFFFFu, 65535)]
    [InlineData("192,168,1,10,156,65", 0xC0A8010Au, 40001)]
    public void Comma_form_round_trips(string text, uint address, int port)
    {
        Assert.True(Ipv4Text.TryReadCommaForm(Encoding.ASCII.GetBytes(text), 0, out var parsed, out var parsedPort, out var length, out var numbers));
        Assert.Equal((address, port, text.Length, 6), (parsed, parsedPort, length, numbers));
        Span<byte> buffer = stackalloc byte[Ipv4Text.MaxCommaFormLength];
        var written = Ipv4Text.WriteCommaForm(address, port, buffer);
        Assert.Equal(text, Encoding.ASCII.GetString(buffer[..written]));
        Assert.Equal(written, Ipv4Text.CommaFormLength(address, port));
    }

    [Theory]
    [InlineData("1.2.3.4", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1..2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    public void Dotted_quads_are_parsed_strictly(string text, bool valid)
    {
        Assert.Equal(valid, Ipv4Text.TryParseIpv4(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void Case_insensitive_compare_folds_ascii_letters_only()
    {
        Assert.True(AsciiText.EqualsIgnoreCase("PoRt"u8, "port"u8));
        Assert.False(AsciiText.EqualsIgnoreCase("p0rt"u8, "port"u8));
        Assert.True(AsciiText.StartsWithIgnoreCase("SIP/2.0/UDP"u8, "sip/2.0/"u8));
    }

    [Fact]
    public void Numbers_parse_and_format()
    {
        Assert.True(DecimalText.TryParsePort("65535"u8, out var port) && port == 65535);
        Assert.False(DecimalText.TryParsePort("65536"u8, out _));
        Assert.True(DecimalText.TryParseNumber(" 42 "u8, out var number) && number == 42);
        Span<byte> buffer = stackalloc byte[20];
        Assert.Equal("1234567890123", Encoding.ASCII.GetString(buffer[..DecimalText.WriteNumber(1234567890123, buffer)]));
    }

    /// <summary>The edit plan sorts, checks room for all of a message's edits and writes none when they do not fit.</summary>
    [Fact]
    public void Edit_plan_writes_all_edits_sorted_or_none()
    {
        Span<TextEdit> edits = stackalloc TextEdit[4];
        var count = 0;
        Assert.True(TextEditPlan.TryAdd(edits, ref count, new TextEdit(10, 2, TextEditKind.Number, 0, 5060)));
        Assert.True(TextEditPlan.TryAdd(edits, ref count, new TextEdit(0, 4, TextEditKind.CommaAddress, 0x01020304, 258)));
        Assert.True(TextEditPlan.TryAdd(edits, ref count, new TextEdit(20, 0, TextEditKind.PrefixedNumberLine, 0, 7, 2, TextEdit.PackPrefix("a=rtcp:"u8))));

        var rewrites = new AlgRewrite[4];
        var bytes = new byte[64];
        var output = new AlgOutput(rewrites, bytes, new AlgPinholeRequest[1]);
        Assert.True(TextEditPlan.TryEmit(edits[..count], 100, ref output));
        Assert.Equal(3, output.RewriteCount);
        Assert.False(output.RewritesOutOfOrder);
        Assert.Equal("1,2,3,4,1,25060a=rtcp:7\r\n", Encoding.ASCII.GetString(bytes, 0, "1,2,3,4,1,25060a=rtcp:7\r\n".Length));

        var tight = new AlgOutput(new AlgRewrite[4], new byte[8], new AlgPinholeRequest[1]);
        Assert.False(TextEditPlan.TryEmit(edits[..count], 0, ref tight));
        Assert.Equal(0, tight.RewriteCount);
    }
}
