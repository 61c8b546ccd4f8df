using System.Text;
using Alg.StdlibAlgs.Sip;

namespace Alg.Runtime.Tests.Sip;

/// <summary>The top Via: sent-by and the parameters a NAT rewrites or reads (RFC 3261 §18.2.1, RFC 3581).</summary>
public sealed class SipViaParserTests
{
    [Fact]
    public void Sent_by_and_parameters_are_located_rfc3261_20_42_and_rfc3581_3()
    {
        var value = "SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK776asdhds;rport;received=203.0.113.1";
        var bytes = Encoding.ASCII.GetBytes(value);

        Assert.True(SipViaParser.TryParseTop(bytes, 0, out var via));
        Assert.Equal("UDP", Text(bytes, via.TransportStart, via.TransportLength));
        Assert.Equal("192.168.1.10", Text(bytes, via.SentBy.HostStart, via.SentBy.HostLength));
        Assert.Equal("5060", Text(bytes, via.SentBy.PortStart, via.SentBy.PortLength));
        Assert.Equal("z9hG4bK776asdhds", Text(bytes, via.BranchStart, via.BranchLength));
        Assert.True(via.HasRport);
        Assert.Equal(-1, via.RportStart);
        Assert.Equal("203.0.113.1", Text(bytes, via.ReceivedStart, via.ReceivedLength));
        Assert.Equal(-1, via.MaddrStart);
    }

    [Fact]
    public void Filled_rport_and_maddr_rfc3581_4()
    {
        var bytes = Encoding.ASCII.GetBytes("SIP/2.0/TCP [2001:db8::1];rport=40000;maddr=239.1.1.1;branch=z9hG4bKx");

        Assert.True(SipViaParser.TryParseTop(bytes, 10, out var via));
        Assert.Equal("[2001:db8::1]", Text(bytes, via.SentBy.HostStart - 10, via.SentBy.HostLength));
        Assert.False(via.SentBy.HasPort);
        Assert.Equal("40000", Text(bytes, via.RportStart - 10, via.RportLength));
        Assert.Equal("239.1.1.1", Text(bytes, via.MaddrStart - 10, via.MaddrLength));
    }

    [Fact]
    public void Only_the_top_entry_is_read_rfc3261_18_2_1()
    {
        var bytes = Encoding.ASCII.GetBytes("SIP/2.0/UDP 192.168.1.10;branch=z9hG4bKa, SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bKb");

        Assert.True(SipViaParser.TryParseTop(bytes, 0, out var via));
        Assert.Equal("192.168.1.10", Text(bytes, via.SentBy.HostStart, via.SentBy.HostLength));
    }

    [Theory]
    [InlineData("SIP/3.0/UDP 1.2.3.4")]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDP 1.2.3.4:port")]
    [InlineData("garbage")]
    public void Broken_vias_are_refused(string value)
    {
        Assert.False(SipViaParser.TryParseTop(Encoding.ASCII.GetBytes(value), 0, out _));
    }

    private static string Text(byte[] data, int start, int length) => Encoding.ASCII.GetString(data, start, length);
}
