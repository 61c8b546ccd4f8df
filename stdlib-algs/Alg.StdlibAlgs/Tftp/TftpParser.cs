using System.Buffers.Binary;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Tftp;

/// <summary>Parses the request a TFTP client sends to port 69 (RFC 1350 §5, figure 5-1: opcode, filename NUL, mode
/// NUL). Span-based and bounds-checked; allocates nothing.</summary>
/// <remarks>RFC 2347 options may follow the mode; they do not change where the answer comes from, so they are located
/// but not read.</remarks>
public static class TftpParser
{
    public const ushort ReadRequest = 1;
    public const ushort WriteRequest = 2;

    public static TftpParseStatus Parse(ReadOnlySpan<byte> datagram, out TftpRequest request, out TftpParseError error)
    {
        error = Check(datagram, out request);
        return error == TftpParseError.None ? TftpParseStatus.Request : TftpParseStatus.Error;
    }

    /// <summary>The counter text for an error: what is wrong and the rule it breaks.</summary>
    public static string Describe(TftpParseError error) => error switch
    {
        TftpParseError.None => "valid request",
        TftpParseError.TooShort => "shorter than an opcode and two NUL-terminated strings",
        TftpParseError.NotARequest => "not RRQ or WRQ: only those may be sent to port 69 (RFC 1350 §4)",
        TftpParseError.EmptyFilename => "empty filename",
        TftpParseError.FilenameNotTerminated => "filename not NUL-terminated",
        TftpParseError.ModeNotTerminated => "mode not NUL-terminated",
        TftpParseError.UnknownMode => "unknown transfer mode (RFC 1350 §5: netascii, octet or mail, any case)",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    private static TftpParseError Check(ReadOnlySpan<byte> datagram, out TftpRequest request)
    {
        request = default;
        if (datagram.Length < 4)
        {
            return TftpParseError.TooShort;
        }

        var opcode = BinaryPrimitives.ReadUInt16BigEndian(datagram);
        if (opcode != ReadRequest && opcode != WriteRequest)
        {
            return TftpParseError.NotARequest;
        }

        const int filenameStart = 2;
        var filenameEnd = datagram[filenameStart..].IndexOf((byte)0);
        if (filenameEnd <= 0)
        {
            return filenameEnd == 0 ? TftpParseError.EmptyFilename : TftpParseError.FilenameNotTerminated;
        }

        var modeStart = filenameStart + filenameEnd + 1;
        var modeLength = datagram[modeStart..].IndexOf((byte)0);
        if (modeLength < 0)
        {
            return TftpParseError.ModeNotTerminated;
        }

        var mode = datagram.Slice(modeStart, modeLength);
        TftpMode kind;
        if (AsciiText.EqualsIgnoreCase(mode, "octet"u8))
        {
            kind = TftpMode.Octet;
        }
        else if (AsciiText.EqualsIgnoreCase(mode, "netascii"u8))
        {
            kind = TftpMode.NetAscii;
        }
        else if (AsciiText.EqualsIgnoreCase(mode, "mail"u8))
        {
            kind = TftpMode.Mail;
        }
        else
        {
            return TftpParseError.UnknownMode;
        }

        request = new TftpRequest(opcode, filenameStart, filenameEnd, kind, modeStart + modeLength + 1);
        return TftpParseError.None;
    }
}
