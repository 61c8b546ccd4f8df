using Alg.StdlibAlgs.SunRpc;

namespace Alg.Runtime.Tests.SunRpc;

/// <summary>The ONC RPC parsers on their own: each refusal with its reason (RFC 5531 §8.2, §9, §11; RFC 5665 §5.2.3.3),
/// offsets into the input, and universal addresses both ways.</summary>
public sealed class SunRpcParserTests
{
    [Fact]
    public void A_getport_call_gives_program_version_procedure_and_where_its_arguments_start_rfc5531_9()
    {
        var call = Rpc.GetPort(9, Rpc.Nfs, 3, 6);
        Assert.Equal(SunRpcParseStatus.Complete, SunRpcMessageParser.Parse(call, out var header, out _));
        Assert.Equal((9u, true, Rpc.Portmapper, 2u, 3u, 40), (header.Xid, header.IsCall, header.Program, header.Version, header.Procedure, header.BodyOffset));

        Assert.True(SunRpcPortmapper.TryReadQuery(call, in header, 17, 100, out var query, out _));
        Assert.Equal((SunRpcQueryKind.Port, Rpc.Nfs, (byte)6), (query.Kind, query.Program, query.Protocol));
    }

    [Fact]
    public void A_getaddr_call_takes_its_protocol_from_the_netid_rfc1833_2_1_rfc5665_3()
    {
        var call = Rpc.GetAddr(9, Rpc.Mount, 3, "udp");
        SunRpcMessageParser.Parse(call, out var header, out _);
        Assert.True(SunRpcPortmapper.TryReadQuery(call, in header, 6, 100, out var query, out _));
        Assert.Equal((SunRpcQueryKind.UniversalAddress, (byte)17), (query.Kind, query.Protocol));

        var ipv6 = Rpc.GetAddr(9, Rpc.Mount, 3, "tcp6");
        SunRpcMessageParser.Parse(ipv6, out header, out _);
        SunRpcPortmapper.TryReadQuery(ipv6, in header, 6, 100, out query, out _);
        Assert.Equal(0, query.Protocol);
    }

    [Fact]
    public void An_accepted_reply_gives_where_its_results_start_and_a_failed_one_none_rfc5531_9()
    {
        Assert.Equal(SunRpcParseStatus.Complete, SunRpcMessageParser.Parse(Rpc.GetPortReply(3, 2049), out var header, out _));
        Assert.Equal((false, true, 24), (header.IsCall, header.Accepted, header.BodyOffset));

        var unavailable = Rpc.Concat(Rpc.U32(3), Rpc.U32(1), Rpc.U32(0), Rpc.U32(0), Rpc.U32(0), Rpc.U32(1));
        SunRpcMessageParser.Parse(unavailable, out header, out _);
        Assert.False(header.Accepted);
    }

    public static TheoryData<byte[], SunRpcParseError> Refused() => new()
    {
        { Rpc.U32(1), SunRpcParseError.TooShort },
        { Rpc.Concat(Rpc.U32(1), Rpc.U32(2)), SunRpcParseError.BadMessageType },
        { Rpc.Concat(Rpc.U32(1), Rpc.U32(0), Rpc.U32(3), Rpc.U32(100000), Rpc.U32(2), Rpc.U32(3)), SunRpcParseError.BadRpcVersion },
        { Rpc.Concat(Rpc.U32(1), Rpc.U32(0), Rpc.U32(2), Rpc.U32(100000), Rpc.U32(2), Rpc.U32(3), Rpc.U32(1), Rpc.U32(401)), SunRpcParseError.BadAuthLength },
        { Rpc.Concat(Rpc.U32(1), Rpc.U32(0), Rpc.U32(2), Rpc.U32(100000), Rpc.U32(2), Rpc.U32(3), Rpc.U32(1), Rpc.U32(8), Rpc.U32(0)), SunRpcParseError.BadAuthLength },
        { Rpc.Concat(Rpc.U32(1), Rpc.U32(1), Rpc.U32(2)), SunRpcParseError.BadReplyStatus },
        { Rpc.Concat(Rpc.U32(1), Rpc.U32(1), Rpc.U32(0), Rpc.U32(0), Rpc.U32(0), Rpc.U32(9)), SunRpcParseError.BadReplyStatus },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Messages_that_break_rfc5531_are_refused_with_their_reason(byte[] message, SunRpcParseError reason)
    {
        Assert.Equal(SunRpcParseStatus.Error, SunRpcMessageParser.Parse(message, out _, out var error));
        Assert.Equal(reason, error);
        Assert.StartsWith("SunRPC: ", SunRpcMessageParser.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_marks_frame_fragments_records_and_refuse_what_cannot_be_rpc_rfc5531_11()
    {
        Span<SunRpcFragment> fragments = stackalloc SunRpcFragment[4];
        var message = Rpc.GetPort(1, Rpc.Nfs, 3, 6);
        var record = Rpc.Fragments(message, 8, 16);

        Assert.Equal(SunRpcParseStatus.Complete, SunRpcRecordParser.Parse(Rpc.Concat(record, Rpc.U32(0)), fragments, 8192, out var framed, out _));
        Assert.Equal((record.Length, message.Length, 3), (framed.StreamLength, framed.MessageLength, framed.FragmentCount));
        var joined = new byte[framed.MessageLength];
        SunRpcRecordParser.Join(record, fragments[..3], joined);
        Assert.Equal(message, joined);

        Assert.Equal(SunRpcParseStatus.Incomplete, SunRpcRecordParser.Parse(record[..^1], fragments, 8192, out framed, out _));
        Assert.False(framed.Oversized);
        Assert.Equal(SunRpcParseStatus.Incomplete, SunRpcRecordParser.Parse(Rpc.U32(0x8000_4000), fragments, 8192, out framed, out _));
        Assert.True(framed.Oversized);
        Assert.Equal(SunRpcParseStatus.Error, SunRpcRecordParser.Parse("GET / HTTP/1.1"u8, fragments, 8192, out _, out var error));
        Assert.Equal(SunRpcParseError.BadRecordMark, error);
        Assert.Equal(SunRpcParseStatus.Error, SunRpcRecordParser.Parse(Rpc.Concat(Rpc.U32(0), Rpc.U32(0), Rpc.U32(0), Rpc.U32(0), Rpc.U32(0)), fragments, 8192, out _, out error));
        Assert.Equal(SunRpcParseError.TooManyFragments, error);
    }

    [Theory]
    [InlineData("192.168.1.21.8.1", 0xC0A80115u, 2049)]
    [InlineData("0.0.0.0.0.111", 0u, 111)]
    [InlineData("139.25.22.102.4.24", 0x8B191666u, 1048)]
    public void Universal_addresses_parse_and_write_back_the_same_rfc5665_5_2_3_3(string text, uint address, int port)
    {
        Assert.True(UniversalAddress.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var parsed, out var parsedPort));
        Assert.Equal((address, (ushort)port), (parsed, parsedPort));
        var written = new byte[UniversalAddress.Length(address, (ushort)port)];
        Assert.Equal(written.Length, UniversalAddress.Write(address, (ushort)port, written));
        Assert.Equal(text, System.Text.Encoding.ASCII.GetString(written));
    }

    [Theory]
    [InlineData("192.168.1.21.8")]
    [InlineData("192.168.1.21.8.256")]
    [InlineData("192.168.1.21.8.-1")]
    [InlineData("192.168.1.8.1")]
    [InlineData("192.168.1.21.8.1.")]
    [InlineData("host.example.8.1")]
    [InlineData("192.168.1.21.1234.1")]
    public void Universal_addresses_that_are_not_h1_h2_h3_h4_p1_p2_are_refused_rfc5665_5_2_3_3(string text) =>
        Assert.False(UniversalAddress.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out _, out _));
}
