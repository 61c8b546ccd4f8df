using System.Text;
using Alg.StdlibAlgs.Tftp;

namespace Alg.Runtime.Tests.Tftp;

/// <summary>The request parser against RFC 1350 §5 (figure 5-1) and RFC 2347 §2 (options after the mode).</summary>
public sealed class TftpParserTests
{
    [Theory]
    [InlineData("\0\u0001f\0octet\0", TftpParseError.None)]
    [InlineData("\0\u0002f\0NetAscii\0", TftpParseError.None)]
    [InlineData("\0\u0001f\0MAIL\0blksize\01468\0", TftpParseError.None)]
    [InlineData("\0\u0001", TftpParseError.TooShort)]
    [InlineData("\0\u0003f\0octet\0", TftpParseError.NotARequest)]
    [InlineData("\0\u0005\0\u0001\0", TftpParseError.NotARequest)]
    [InlineData("\0\u0001\0octet\0", TftpParseError.EmptyFilename)]
    [InlineData("\0\u0001file", TftpParseError.FilenameNotTerminated)]
    [InlineData("\0\u0001f\0octet", TftpParseError.ModeNotTerminated)]
    [InlineData("\0\u0001f\0octets\0", TftpParseError.UnknownMode)]
    [InlineData("\0\u0001f\0\0", TftpParseError.UnknownMode)]
    public void Requests_follow_RFC1350_5(string payload, TftpParseError expected)
    {
        var status = TftpParser.Parse(Encoding.ASCII.GetBytes(payload), out _, out var error);

        Assert.Equal(expected, error);
        Assert.Equal(expected == TftpParseError.None ? TftpParseStatus.Request : TftpParseStatus.Error, status);
    }

    [Fact]
    public void A_request_locates_its_filename_mode_and_options_without_copying()
    {
        var datagram = Encoding.ASCII.GetBytes("\0\u0002boot/pxelinux.0\0Octet\0blksize\01468\0");

        Assert.Equal(TftpParseStatus.Request, TftpParser.Parse(datagram, out var request, out _));
        Assert.False(request.IsRead);
        Assert.Equal("boot/pxelinux.0", Encoding.ASCII.GetString(datagram, request.FilenameStart, request.FilenameLength));
        Assert.Equal(TftpMode.Octet, request.Mode);
        Assert.Equal("blksize", Encoding.ASCII.GetString(datagram, request.OptionsStart, 7));
    }

    [Fact]
    public void Every_error_has_a_description_naming_the_rule()
    {
        foreach (var error in Enum.GetValues<TftpParseError>())
        {
            Assert.False(string.IsNullOrWhiteSpace(TftpParser.Describe(error)));
        }

        Assert.Contains("RFC 1350 §4", TftpParser.Describe(TftpParseError.NotARequest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_and_truncated_requests_never_throw_and_a_request_always_lies_inside_the_datagram(int seed)
    {
        // Fuzz: every prefix and random byte edits of valid requests; a parse that says "request" must point inside.
        var random = new Random(seed);
        byte[][] seeds =
        [
            Encoding.ASCII.GetBytes("\0\u0001f\0octet\0"),
            Encoding.ASCII.GetBytes("\0\u0002dir/file.bin\0netascii\0tsize\00\0"),
        ];
        for (var i = 0; i < 20_000; i++)
        {
            var data = (byte[])seeds[random.Next(seeds.Length)].Clone();
            for (var edits = random.Next(4); edits > 0; edits--)
            {
                data[random.Next(data.Length)] = (byte)random.Next(4) switch { 0 => 0, 1 => (byte)'o', _ => (byte)random.Next(256) };
            }

            var length = random.Next(data.Length + 1);
            var status = TftpParser.Parse(data.AsSpan(0, length), out var request, out var error);
            if (status == TftpParseStatus.Request)
            {
                Assert.Equal(TftpParseError.None, error);
                Assert.InRange(request.FilenameStart + request.FilenameLength, 3, length - 1);
                Assert.InRange(request.OptionsStart, request.FilenameStart + request.FilenameLength + 2, length);
            }
            else
            {
                Assert.NotEqual(TftpParseError.None, error);
            }
        }
    }
}
