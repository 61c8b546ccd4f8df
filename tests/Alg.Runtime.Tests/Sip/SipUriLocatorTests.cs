using System.Text;
using Alg.StdlibAlgs.Sip;

namespace Alg.Runtime.Tests.Sip;

/// <summary>Finding the host:port a NAT may have to rewrite in SIP URIs (RFC 3261 §19.1, §20.10, §25.1).</summary>
public sealed class SipUriLocatorTests
{
    [Theory]
    [InlineData("<sip:alice@192.168.1.10:5060>", "192.168.1.10", "5060")]
    [InlineData("\"Alice, A.\" <sip:alice@192.168.1.10>;expires=3600", "192.168.1.10", null)]
    [InlineData("sip:alice@192.168.1.10:5062;transport=tcp", "192.168.1.10", "5062")]
    [InlineData("<sips:alice:secret@192.168.1.10:5061;transport=tls>", "192.168.1.10", "5061")]
    [InlineData("<sip:[2001:db8::10]:5060>", "[2001:db8::10]", "5060")]
    [InlineData("<SIP:phone.example.com>", "phone.example.com", null)]
    [InlineData("sip:192.168.1.10", "192.168.1.10", null)]
    public void Host_and_port_are_found_rfc3261_19_1(string value, string host, string? port)
    {
        var bytes = Encoding.ASCII.GetBytes(value);

        Assert.True(SipUriLocator.TryLocate(bytes, 0, out var found));
        Assert.Equal(host, Encoding.ASCII.GetString(bytes, found.HostStart, found.HostLength));
        Assert.Equal(port, found.HasPort ? Encoding.ASCII.GetString(bytes, found.PortStart, found.PortLength) : null);
    }

    [Theory]
    [InlineData("<tel:+15551234567>")]
    [InlineData("*")]
    [InlineData("<http://example.com/>")]
    [InlineData("<sip:alice@192.168.1.10:50x60>")]
    [InlineData("<sip:alice@>")]
    public void Nothing_to_map_is_found_in_other_schemes_or_broken_uris(string value)
    {
        Assert.False(SipUriLocator.TryLocate(Encoding.ASCII.GetBytes(value), 0, out _));
    }

    [Fact]
    public void Every_contact_of_a_list_is_found_and_quoted_commas_do_not_split_rfc3261_20_10()
    {
        var value = "\"Bob, at home\" <sip:bob@192.168.1.10:5060>, <sip:bob@192.168.1.11>;q=0.5 , sip:bob@203.0.113.9";
        var bytes = Encoding.ASCII.GetBytes(value);
        var found = new SipHostPort[8];

        var count = SipUriLocator.FindAll(bytes, 100, found);

        Assert.Equal(3, count);
        Assert.Equal("192.168.1.10", Encoding.ASCII.GetString(bytes, found[0].HostStart - 100, found[0].HostLength));
        Assert.Equal("192.168.1.11", Encoding.ASCII.GetString(bytes, found[1].HostStart - 100, found[1].HostLength));
        Assert.False(found[1].HasPort);
        Assert.Equal("203.0.113.9", Encoding.ASCII.GetString(bytes, found[2].HostStart - 100, found[2].HostLength));
    }

    [Fact]
    public void Too_small_a_buffer_is_said()
    {
        var bytes = Encoding.ASCII.GetBytes("<sip:a@1.1.1.1>, <sip:b@2.2.2.2>");

        Assert.Equal(-1, SipUriLocator.FindAll(bytes, 0, new SipHostPort[1]));
    }

    [Fact]
    public void Locating_allocates_nothing()
    {
        var bytes = Encoding.ASCII.GetBytes("\"A\" <sip:a@192.168.1.10:5060>, <sip:b@[2001:db8::1]>");
        var found = new SipHostPort[4];
        SipUriLocator.FindAll(bytes, 0, found);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            SipUriLocator.FindAll(bytes, 0, found);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
