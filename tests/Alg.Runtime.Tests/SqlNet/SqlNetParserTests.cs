using System.Text;
using Alg.StdlibAlgs.SqlNet;

namespace Alg.Runtime.Tests.SqlNet;

/// <summary>The TNS packet parser and the connect-descriptor scanner alone (algs.md §8.1, §8.3): each refusal with its
/// reason, the 2- and 4-byte length forms, and the offsets of HOST and PORT.</summary>
public sealed class SqlNetParserTests
{
    [Fact]
    public void A_two_byte_header_gives_length_type_and_redirect_length_algs_8_1()
    {
        var packet = Tns.RedirectPacket("(ADDRESS=(PROTOCOL=TCP)(HOST=10.0.0.1)(PORT=1522))");

        Assert.Equal(SqlNetParseStatus.Complete, SqlNetPacketParser.Parse(packet, false, out var parsed, out _));
        Assert.Equal((packet.Length, TnsPacketType.Redirect, 2), (parsed.Length, parsed.Type, parsed.LengthFieldSize));
        Assert.Equal(packet.Length - 10, parsed.RedirectDataLength);
        Assert.Equal(parsed.RedirectDataLength, parsed.InlineRedirectLength);
    }

    [Fact]
    public void A_four_byte_header_is_read_after_a_version_315_accept_algs_8_1()
    {
        var packet = Tns.DataPacket(new byte[70000], largeLength: true);

        Assert.Equal(SqlNetParseStatus.Complete, SqlNetPacketParser.Parse(packet, true, out var parsed, out _));
        Assert.Equal((70010, TnsPacketType.Data, 4), (parsed.Length, parsed.Type, parsed.LengthFieldSize));

        // Read as 2 bytes, the same header says length 1: not TNS (a misparse would read payload as headers, §8.3).
        Assert.Equal(SqlNetParseStatus.Error, SqlNetPacketParser.Parse(packet, false, out _, out var error));
        Assert.Equal(SqlNetParseError.LengthBelowHeader, error);
    }

    [Fact]
    public void Accept_and_connect_carry_their_version()
    {
        SqlNetPacketParser.Parse(Tns.AcceptPacket(315), false, out var accept, out _);
        SqlNetPacketParser.Parse(Tns.ConnectPacket("(DESCRIPTION=)", 318), false, out var connect, out _);

        Assert.Equal(315, accept.Version);
        Assert.Equal(318, connect.Version);
    }

    [Fact]
    public void A_partial_packet_is_incomplete_with_its_header_known()
    {
        var packet = Tns.DataPacket(new byte[100]);

        Assert.Equal(SqlNetParseStatus.Incomplete, SqlNetPacketParser.Parse(packet.AsSpan(0, 5), false, out var none, out _));
        Assert.Equal(0, none.Length);
        Assert.Equal(SqlNetParseStatus.Incomplete, SqlNetPacketParser.Parse(packet.AsSpan(0, 50), false, out var header, out _));
        Assert.Equal((110, TnsPacketType.Data), (header.Length, header.Type));
    }

    [Theory]
    [InlineData(new byte[] { 0, 4, 0, 0, 1, 0, 0, 0 }, SqlNetParseError.LengthBelowHeader)]
    [InlineData(new byte[] { 0, 8, 0, 0, 8, 0, 0, 0 }, SqlNetParseError.UnknownType)]
    [InlineData(new byte[] { 0, 8, 0, 0, 0, 0, 0, 0 }, SqlNetParseError.UnknownType)]
    [InlineData(new byte[] { 0, 8, 0, 0, 15, 0, 0, 0 }, SqlNetParseError.UnknownType)]
    [InlineData(new byte[] { 0, 9, 0, 0, 5, 0, 0, 0, 0 }, SqlNetParseError.RedirectWithoutLength)]
    [InlineData(new byte[] { (byte)'G', (byte)'E', (byte)'T', (byte)' ', (byte)'/', (byte)' ', (byte)'H', (byte)'T' }, SqlNetParseError.UnknownType)]
    public void Headers_tns_does_not_allow_are_errors_with_their_reason(byte[] header, SqlNetParseError expected)
    {
        Assert.Equal(SqlNetParseStatus.Error, SqlNetPacketParser.Parse(header, false, out _, out var error));
        Assert.Equal(expected, error);
        Assert.Contains("algs.md §8", SqlNetPacketParser.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_four_byte_length_above_the_largest_sdu_is_an_error()
    {
        byte[] header = [0, 0x40, 0, 0, 6, 0, 0, 0];

        Assert.Equal(SqlNetParseStatus.Error, SqlNetPacketParser.Parse(header, true, out _, out var error));
        Assert.Equal(SqlNetParseError.LengthTooLarge, error);
    }

    [Fact]
    public void The_scanner_finds_host_and_port_offsets_case_insensitively_with_blanks()
    {
        var text = Encoding.ASCII.GetBytes("(Description=(ADDRESS_LIST=( address = (protocol=tcp)( host = 10.1.1.5 )(PORT = 49152 ))(ADDRESS=(PROTOCOL=TCP)(HOST=db1)(PORT=1521))))");
        var found = new SqlNetAddress[8];

        Assert.Equal(SqlNetParseStatus.Complete, SqlNetDescriptorScanner.Scan(text, found, out var count, out _));

        Assert.Equal(2, count);
        Assert.True(found[0].IsTcp);
        Assert.Equal(SqlNetHostKind.Ipv4, found[0].HostKind);
        Assert.Equal("10.1.1.5", Encoding.ASCII.GetString(text, found[0].HostStart, found[0].HostLength));
        Assert.Equal("49152", Encoding.ASCII.GetString(text, found[0].PortStart, found[0].PortLength));
        Assert.Equal(49152, found[0].Port);
        Assert.Equal(SqlNetHostKind.Other, found[1].HostKind);
        Assert.Equal(1521, found[1].Port);
    }

    [Fact]
    public void The_scan_stops_at_the_nul_before_the_connect_data()
    {
        // What follows the NUL is the connect data handed to the new listener, repeating the address first dialled.
        var text = Encoding.ASCII.GetBytes("(ADDRESS=(PROTOCOL=tcp)(HOST=10.1.1.5)(PORT=49152))\0(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=203.0.113.1)(PORT=1521)))");
        var found = new SqlNetAddress[8];

        SqlNetDescriptorScanner.Scan(text, found, out var count, out _);

        Assert.Equal(1, count);
        Assert.Equal(49152, found[0].Port);
    }

    [Theory]
    [InlineData("(ADDRESS=(PROTOCOL=tcp)(HOST=10.1.1.5)(PORT=49152)", SqlNetParseError.BadDescriptor)]
    [InlineData("(ADDRESS=(PROTOCOL=tcp)(HOST=10.1.1.5))(PORT=49152))", SqlNetParseError.BadDescriptor)]
    [InlineData("(ADDRESS(PROTOCOL=tcp))", SqlNetParseError.BadDescriptor)]
    [InlineData("(ADDRESS=(HOST=10.1(.1.5)))", SqlNetParseError.BadDescriptor)]
    [InlineData("(ADDRESS=(ADDRESS=(HOST=10.1.1.5)))", SqlNetParseError.BadDescriptor)]
    [InlineData("(A=(A=(A=(A=(A=(A=(A=(A=(A=(A=(A=(A=(A=(A=(A=(A=(A=x)))))))))))))))))", SqlNetParseError.DescriptorTooComplex)]
    public void Descriptors_that_do_not_parse_are_errors(string text, SqlNetParseError expected)
    {
        var found = new SqlNetAddress[8];

        Assert.Equal(SqlNetParseStatus.Error, SqlNetDescriptorScanner.Scan(Encoding.ASCII.GetBytes(text), found, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void More_addresses_than_the_scanner_keeps_is_an_error()
    {
        var text = Encoding.ASCII.GetBytes("(ADDRESS_LIST=" + string.Concat(Enumerable.Repeat("(ADDRESS=(PROTOCOL=TCP)(HOST=10.0.0.1)(PORT=2000))", 9)) + ")");
        var found = new SqlNetAddress[8];

        Assert.Equal(SqlNetParseStatus.Error, SqlNetDescriptorScanner.Scan(text, found, out _, out var error));
        Assert.Equal(SqlNetParseError.DescriptorTooComplex, error);
    }
}
