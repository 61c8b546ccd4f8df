using System.Buffers.Binary;

namespace Alg.StdlibAlgs.Pptp;

/// <summary>
/// Frames PPTP control messages from the in-order stream of one direction of a control connection (RFC 2637 §2): each
/// starts with its own length, then the message type 1, the magic cookie 0x1A2B3C4D and the control message type.
/// Reads spans only, never copies; every read is bounds-checked.
/// </summary>
/// <remarks>Framing decides where headers are (algs.md §0.2 #1): a message's length moves to the next one, and bytes at
/// a boundary that are not a control message end the reading (the caller stops inspecting) rather than resynchronise
/// on something that looks like a cookie. A type whose fixed layout does not fit its length is refused (§10.3: a 2020
/// Linux fix read past a short message).</remarks>
public static class PptpMessageParser
{
    /// <summary>RFC 2637 §2: "Magic Cookie".</summary>
    public const uint MagicCookie = 0x1A2B3C4D;

    /// <summary>No control message is longer: the longest fixed layout is ICRQ's 220 bytes; room is left for a sender that pads.</summary>
    public const int MaxLength = 1024;

    /// <summary>The fixed length of each control message type (RFC 2637 §2.1–§2.16), indexed by type.</summary>
    private static ReadOnlySpan<ushort> FixedLengths => [0, 156, 156, 16, 16, 16, 20, 168, 32, 220, 24, 28, 16, 148, 40, 24];

    public static PptpParseStatus Parse(ReadOnlySpan<byte> data, out PptpMessage message, out PptpParseError error)
    {
        message = default;
        error = PptpParseError.None;
        if (data.Length < PptpMessage.HeaderLength)
        {
            return PptpParseStatus.Incomplete;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (BinaryPrimitives.ReadUInt16BigEndian(data[2..]) != 1)
        {
            return Fail(PptpParseError.NotControl, out error);
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(data[4..]) != MagicCookie)
        {
            return Fail(PptpParseError.BadMagicCookie, out error);
        }

        int type = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
        if (type is < 1 or > 15)
        {
            return Fail(PptpParseError.UnknownType, out error);
        }

        if (length < FixedLengths[type])
        {
            return Fail(PptpParseError.TooShortForType, out error);
        }

        if (length > MaxLength)
        {
            return Fail(PptpParseError.TooLong, out error);
        }

        message = new PptpMessage(length, (PptpMessageType)type);
        return data.Length < length ? PptpParseStatus.Incomplete : PptpParseStatus.Complete;
    }

    /// <summary>The fixed length of a message type (RFC 2637 §2), 0 for none.</summary>
    public static int FixedLength(PptpMessageType type) => (int)type is >= 1 and <= 15 ? FixedLengths[(int)type] : 0;

    /// <summary>A 2-byte field of a whole message.</summary>
    public static ushort Field(ReadOnlySpan<byte> message, int offset) => BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);

    /// <summary>The counter text for a reason, with the rule it breaks.</summary>
    public static string Describe(PptpParseError error) => error switch
    {
        PptpParseError.NotControl => "PPTP: a PPTP Message Type other than 1, control (RFC 2637 §2)",
        PptpParseError.BadMagicCookie => "PPTP: a Magic Cookie other than 0x1A2B3C4D (RFC 2637 §2)",
        PptpParseError.UnknownType => "PPTP: a Control Message Type outside 1-15 (RFC 2637 §2)",
        PptpParseError.TooShortForType => "PPTP: a Length shorter than its message type's fields (RFC 2637 §2, algs.md §10.3)",
        PptpParseError.TooLong => "PPTP: a Length longer than any control message (RFC 2637 §2)",
        _ => "PPTP: not a control message",
    };

    private static PptpParseStatus Fail(PptpParseError reason, out PptpParseError error)
    {
        error = reason;
        return PptpParseStatus.Error;
    }
}
