using System.Buffers.Binary;

namespace Alg.StdlibAlgs.SqlNet;

/// <summary>
/// Frames TNS packets from the in-order stream of one direction (algs.md §8.1): an 8-byte header whose first 2 bytes
/// (4 after a version 315+ ACCEPT) are the packet's whole length, then the type byte. Reads spans only; never copies.
/// </summary>
/// <remarks>Framing decides where headers are (algs.md §0.2 #1, §8.3): a wrong length form would read payload bytes
/// as a header, so the form is the connection's, never guessed per packet, and a length or type that cannot be TNS
/// ends the reading rather than resynchronising on something that looks like a header.</remarks>
public static class SqlNetPacketParser
{
    /// <summary>The largest SDU Oracle Net negotiates (2 MiB): no packet is longer.</summary>
    public const int MaxPacketLength = 2 * 1024 * 1024;

    public static SqlNetParseStatus Parse(ReadOnlySpan<byte> data, bool largeLengths, out TnsPacket packet, out SqlNetParseError error)
    {
        packet = default;
        error = SqlNetParseError.None;
        if (data.Length < TnsPacket.HeaderLength)
        {
            return SqlNetParseStatus.Incomplete;
        }

        long length = largeLengths ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt16BigEndian(data);
        if (length < TnsPacket.HeaderLength)
        {
            return Fail(SqlNetParseError.LengthBelowHeader, out error);
        }

        if (length > MaxPacketLength)
        {
            return Fail(SqlNetParseError.LengthTooLarge, out error);
        }

        var type = (TnsPacketType)data[4];
        if (!IsKnown(type))
        {
            return Fail(SqlNetParseError.UnknownType, out error);
        }

        if (type == TnsPacketType.Redirect && length < TnsPacket.RedirectTextOffset)
        {
            return Fail(SqlNetParseError.RedirectWithoutLength, out error);
        }

        var version = type is TnsPacketType.Connect or TnsPacketType.Accept && length >= TnsPacket.HeaderLength + 2 && data.Length >= TnsPacket.HeaderLength + 2
            ? BinaryPrimitives.ReadUInt16BigEndian(data[TnsPacket.HeaderLength..])
            : 0;
        var redirectLength = type == TnsPacketType.Redirect && data.Length >= TnsPacket.RedirectTextOffset
            ? BinaryPrimitives.ReadUInt16BigEndian(data[TnsPacket.RedirectLengthOffset..])
            : -1;
        packet = new TnsPacket((int)length, type, data[5], largeLengths ? 4 : 2, version, redirectLength);
        return data.Length < length ? SqlNetParseStatus.Incomplete : SqlNetParseStatus.Complete;
    }

    /// <summary>The counter text for a reason, with the rule it breaks.</summary>
    public static string Describe(SqlNetParseError error) => error switch
    {
        SqlNetParseError.LengthBelowHeader => "SQL*Net: a TNS length below the 8-byte header it counts (algs.md §8.1)",
        SqlNetParseError.LengthTooLarge => "SQL*Net: a TNS length above the 2 MiB largest SDU (algs.md §8.1, §8.3)",
        SqlNetParseError.UnknownType => "SQL*Net: a TNS packet type that is not defined (algs.md §8.1)",
        SqlNetParseError.RedirectWithoutLength => "SQL*Net: a REDIRECT without its redirect-data length (algs.md §8.1)",
        SqlNetParseError.BadDescriptor => "SQL*Net: a redirect's connect descriptor whose parentheses or keywords do not parse (algs.md §8.1)",
        SqlNetParseError.DescriptorTooComplex => "SQL*Net: a redirect naming more addresses, or nesting deeper, than the ALG reads (algs.md §8.3)",
        _ => "SQL*Net: not TNS",
    };

    private static bool IsKnown(TnsPacketType type) => type is >= TnsPacketType.Connect and <= TnsPacketType.Null
        or TnsPacketType.Abort or >= TnsPacketType.Resend and <= TnsPacketType.Control;

    private static SqlNetParseStatus Fail(SqlNetParseError reason, out SqlNetParseError error)
    {
        error = reason;
        return SqlNetParseStatus.Error;
    }
}
