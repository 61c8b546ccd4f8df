using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Flows;

public sealed class ExpectationTableTests
{
    private const long Second = 1_000_000_000L;
    private static readonly uint Mapped = Ip.V4("203.0.113.1");
    private static readonly uint Server = Ip.V4("198.51.100.20");
    private static readonly uint Client = Ip.V4("192.168.1.10");

    private static ExpectationSpec Spec(ExpectedPeer peer, bool persistent = false, long lifetime = 180 * Second) =>
        new(IpProtocol.Udp, FlowSide.Outside, peer, Mapped, 40000, Client, 30000, lifetime, persistent, FlowId.None, OwnerTag: 7);

    private static FlowKey FirstPacket(uint source, ushort sourcePort) =>
        new(source, Mapped, sourcePort, 40000, IpProtocol.Udp, FlowSide.Outside);

    [Fact]
    public void Single_use_pinhole_matches_once()
    {
        var table = new ExpectationTable(8);
        Assert.True(table.TryAdd(Spec(ExpectedPeer.Exactly(Server, 20000)), 0, out _));

        Assert.True(table.TryMatch(FirstPacket(Server, 20000), Second, out var spec));
        Assert.Equal(Client, spec.TranslatedAddress);
        Assert.Equal(30000, spec.TranslatedPort);
        Assert.False(table.TryMatch(FirstPacket(Server, 20000), 2 * Second, out _));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Persistent_pinhole_matches_until_it_expires()
    {
        var table = new ExpectationTable(8);
        table.TryAdd(Spec(ExpectedPeer.AddressOnly(Server, "RTP source port not signalled"), persistent: true, lifetime: 10 * Second), 0, out _);

        Assert.True(table.TryMatch(FirstPacket(Server, 1), Second, out _));
        Assert.True(table.TryMatch(FirstPacket(Server, 2), 2 * Second, out _));
        Assert.False(table.TryMatch(FirstPacket(Server, 3), 10 * Second, out _));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Named_peer_is_enforced_slipstreaming_T5()
    {
        var table = new ExpectationTable(8);
        table.TryAdd(Spec(ExpectedPeer.Exactly(Server, 20000)), 0, out _);
        Assert.False(table.TryMatch(FirstPacket(Ip.V4("198.51.100.99"), 20000), Second, out _));
        Assert.False(table.TryMatch(FirstPacket(Server, 20001), Second, out _));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Wildcard_peer_must_say_why_and_accepts_anyone()
    {
        var peer = ExpectedPeer.UnknownBecause("SDP c= names a relay the ALG cannot see");
        Assert.Equal("SDP c= names a relay the ALG cannot see", peer.WildcardReason);
        var table = new ExpectationTable(8);
        table.TryAdd(Spec(peer), 0, out _);
        Assert.True(table.TryMatch(FirstPacket(Ip.V4("100.64.0.1"), 5), Second, out _));
    }

    [Fact]
    public void Full_table_refuses_new_pinholes()
    {
        var table = new ExpectationTable(2);
        Assert.True(table.TryAdd(Spec(ExpectedPeer.Exactly(Server, 1)), 0, out _));
        Assert.True(table.TryAdd(Spec(ExpectedPeer.Exactly(Server, 2)), 0, out _));
        Assert.False(table.TryAdd(Spec(ExpectedPeer.Exactly(Server, 3)), 0, out _));
    }

    [Fact]
    public void Owner_removes_its_own_pinholes_only()
    {
        var table = new ExpectationTable(8);
        table.TryAdd(Spec(ExpectedPeer.Exactly(Server, 1)), 0, out _);
        table.TryAdd(Spec(ExpectedPeer.Exactly(Server, 2)) with { OwnerTag = 8 }, 0, out _);
        Assert.Equal(1, table.RemoveOwnedBy(7, FlowId.None));
        Assert.Equal(1, table.Count);
        Assert.True(table.TryMatch(FirstPacket(Server, 2), Second, out _));
    }
}
