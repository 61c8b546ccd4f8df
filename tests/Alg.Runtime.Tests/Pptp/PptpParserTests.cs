using System.Buffers.Binary;
using Alg.StdlibAlgs.Pptp;

namespace Alg.Runtime.Tests.Pptp;

/// <summary>The PPTP control-message framer (RFC 2637 §2): each type's fixed layout, each refusal with its reason,
/// truncation at every byte and extreme length fields.</summary>
public sealed class PptpParserTests
{
    public static TheoryData<byte[]> EveryType() => [.. Messages()];

    public static byte[][] Messages() =>
    [
        PptpMessages.StartControlConnectionRequest(),
        PptpMessages.StartControlConnectionReply(),
        PptpMessages.StopControlConnectionRequest(),
        PptpMessages.Message(4, 16),
        PptpMessages.EchoRequest(1),
        PptpMessages.EchoReply(1),
        PptpMessages.OutgoingCallRequest(7),
        PptpMessages.OutgoingCallReply(8, 7),
        PptpMessages.IncomingCallRequest(9),
        PptpMessages.IncomingCallReply(7, 9),
        PptpMessages.IncomingCallConnected(7),
        PptpMessages.CallClearRequest(7),
        PptpMessages.CallDisconnectNotify(8),
        PptpMessages.WanErrorNotify(7),
        PptpMessages.SetLinkInfo(7),
    ];

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Every_message_type_of_rfc2637_2_is_read_whole_and_incomplete_at_every_shorter_length(byte[] message)
    {
        Assert.Equal(PptpParseStatus.Complete, PptpMessageParser.Parse(message, out var parsed, out _));
        Assert.Equal(message.Length, parsed.Length);
        Assert.Equal(PptpMessageParser.FixedLength(parsed.Type), message.Length);
        for (var length = 0; length < message.Length; length++)
        {
            Assert.Equal(PptpParseStatus.Incomplete, PptpMessageParser.Parse(message.AsSpan(0, length), out var partial, out _));
            Assert.Equal(length >= PptpMessage.HeaderLength ? parsed.Type : PptpMessageType.None, partial.Type);
        }
    }

    [Theory]
    [InlineData(2, 0, PptpParseError.NotControl)]
    [InlineData(4, 0, PptpParseError.BadMagicCookie)]
    [InlineData(8, 16, PptpParseError.UnknownType)]
    [InlineData(8, 0, PptpParseError.UnknownType)]
    public void Header_fields_that_are_not_a_control_message_are_refused_rfc2637_2(int offset, ushort value, PptpParseError expected)
    {
        var message = PptpMessages.OutgoingCallRequest(7);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset), value);
        Assert.Equal(PptpParseStatus.Error, PptpMessageParser.Parse(message, out _, out var error));
        Assert.Equal(expected, error);
        Assert.StartsWith("PPTP: ", PptpMessageParser.Describe(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(167)]
    [InlineData(1025)]
    [InlineData(65535)]
    public void Extreme_lengths_are_refused_never_read_past(int length)
    {
        var message = PptpMessages.OutgoingCallRequest(7);
        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)length);
        Assert.Equal(PptpParseStatus.Error, PptpMessageParser.Parse(message, out _, out var error));
        Assert.Equal(length > 1024 ? PptpParseError.TooLong : PptpParseError.TooShortForType, error);
    }

    [Fact]
    public void A_longer_message_than_its_layout_is_framed_by_its_length()
    {
        var padded = PptpMessages.Message(7, 200);
        Assert.Equal(PptpParseStatus.Complete, PptpMessageParser.Parse(padded, out var message, out _));
        Assert.Equal(200, message.Length);
    }
}
