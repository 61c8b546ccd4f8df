using System.Buffers.Binary;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.IpsecNat;

namespace Alg.Runtime.Tests.IpsecNat;

/// <summary>The IKE reader (RFC 2408 §3.1–3.2, RFC 7296 §3.1–3.2, RFC 3948 §2.2–2.3): the exchanges it tells apart, NAT
/// detection, the refusals with their reasons, truncation at every byte, extreme lengths and a mutation fuzz.</summary>
public sealed class IkeParserTests
{
    private static byte[][] Seeds() =>
    [
        IkeMessages.IkeSaInit(1, natDetection: true),
        IkeMessages.IkeSaInit(1, natDetection: false),
        IkeMessages.IkeAuth(1),
        IkeMessages.CreateChildSa(1),
        IkeMessages.Informational(1),
        IkeMessages.MainModeWithNatD(1),
        IkeMessages.QuickMode(1),
    ];

    [Fact]
    public void Exchanges_and_nat_detection_are_read_rfc7296_2_23_rfc3947_3_2()
    {
        Assert.Equal(IkeParseStatus.Complete, IkeMessageParser.Parse(IkeMessages.IkeSaInit(1, true), out var init, out _));
        Assert.True(init.NatDetection);
        Assert.False(init.NegotiatesEsp);
        IkeMessageParser.Parse(IkeMessages.IkeSaInit(1, false), out var plain, out _);
        Assert.False(plain.NatDetection);
        IkeMessageParser.Parse(IkeMessages.IkeAuth(1), out var auth, out _);
        Assert.True(auth.NegotiatesEsp && auth.Encrypted);
        IkeMessageParser.Parse(IkeMessages.MainModeWithNatD(1), out var main, out _);
        Assert.True(main.NatDetection);
        Assert.Equal(1, main.MajorVersion);
        IkeMessageParser.Parse(IkeMessages.QuickMode(1), out var quick, out _);
        Assert.True(quick.NegotiatesEsp && quick.Encrypted);
    }

    [Fact]
    public void Udp_4500_carries_keepalives_ike_after_the_marker_and_esp_rfc3948_2_2()
    {
        Assert.Equal(NatTraversalDatagram.Keepalive, IkeMessageParser.Classify([0xFF]));
        Assert.Equal(NatTraversalDatagram.Ike, IkeMessageParser.Classify([0, 0, 0, 0, .. IkeMessages.IkeAuth(1)]));
        Assert.Equal(NatTraversalDatagram.Esp, IkeMessageParser.Classify([0, 0, 1, 0, 0, 0, 0, 1]));
        Assert.Equal(NatTraversalDatagram.Unknown, IkeMessageParser.Classify([1, 2]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void Lengths_below_the_header_are_refused(uint length)
    {
        var message = IkeMessages.IkeAuth(1);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(24), length);
        Assert.Equal(IkeParseStatus.Error, IkeMessageParser.Parse(message, out _, out var error));
        Assert.Equal(IkeParseError.LengthBelowHeader, error);
    }

    [Fact]
    public void Every_truncation_is_incomplete_and_extreme_lengths_never_read_past()
    {
        foreach (var seed in Seeds())
        {
            for (var length = 0; length < seed.Length; length++)
            {
                Assert.Equal(IkeParseStatus.Incomplete, IkeMessageParser.Parse(seed.AsSpan(0, length), out _, out _));
            }

            var huge = (byte[])seed.Clone();
            BinaryPrimitives.WriteUInt32BigEndian(huge.AsSpan(24), uint.MaxValue);
            Assert.Equal(IkeParseStatus.Incomplete, IkeMessageParser.Parse(huge, out _, out _));
        }

        var overrun = IkeMessages.IkeSaInit(1, true);
        BinaryPrimitives.WriteUInt16BigEndian(overrun.AsSpan(30), 0xFFFF);
        Assert.Equal(IkeParseError.PayloadOverrun, IkeMessageParser.Parse(overrun, out _, out var error) == IkeParseStatus.Error ? error : IkeParseError.None);
        BinaryPrimitives.WriteUInt16BigEndian(overrun.AsSpan(30), 0);
        Assert.Equal(IkeParseStatus.Error, IkeMessageParser.Parse(overrun, out _, out _));
    }

    [Fact]
    public void Mutated_messages_never_throw_or_read_outside_their_input()
    {
        var random = new Random(5);
        var seeds = Seeds();
        ReadOnlySpan<byte> alphabet = [0, 1, 2, 4, 20, 32, 33, 34, 35, 41, 46, 0x10, 0x20, 0x40, 0xFF];
        for (var i = 0; i < 20_000; i++)
        {
            var data = Fuzz.Mutate(random, seeds[random.Next(seeds.Length)], alphabet, headerBytes: 32);
            if (IkeMessageParser.Parse(data, out var message, out _) == IkeParseStatus.Complete)
            {
                Assert.InRange(message.Length, 28, data.Length);
            }

            IkeMessageParser.Classify(data);
        }
    }
}
