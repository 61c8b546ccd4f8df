using System.Buffers.Binary;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>
/// Frames DCE/RPC PDUs: connection-oriented ones on a TCP stream by their frag_length (C706 §12.6.3.1: several per
/// segment, one over several), connectionless ones one per datagram (C706 §12.5.2.1, the 80-byte header). Every
/// multi-byte header field is read in the PDU's own data representation (drep), which may be big-endian.
/// </summary>
public static class DcePduParser
{
    public const int ConnectionHeaderLength = 16;
    public const int DatagramHeaderLength = 80;

    /// <summary>The auth verifier's sec_trailer before the auth bytes (C706 §13.2.6.1).</summary>
    public const int AuthTrailerLength = 8;

    public static MsRpcParseStatus Parse(ReadOnlySpan<byte> data, out DcePdu pdu, out MsRpcParseError error)
    {
        pdu = default;
        error = MsRpcParseError.None;
        if (data.Length < ConnectionHeaderLength)
        {
            // The version bytes are still checked as soon as they arrive: text is refused at once.
            if (data.Length >= 1 && data[0] != 5)
            {
                return Fail(MsRpcParseError.BadVersion, out error);
            }

            return MsRpcParseStatus.Incomplete;
        }

        if (data[0] != 5 || data[1] > 1)
        {
            return Fail(MsRpcParseError.BadVersion, out error);
        }

        var type = (DcePduType)data[2];
        if (type > DcePduType.Orphaned || type is DcePduType.Ping or DcePduType.Working or DcePduType.NoCall or DcePduType.Reject
            or DcePduType.Ack or DcePduType.ClCancel or DcePduType.Fack or DcePduType.CancelAck)
        {
            return Fail(MsRpcParseError.UnknownType, out error);
        }

        var littleEndian = (data[4] & 0xF0) == 0x10;
        var length = Read16(data[8..], littleEndian);
        var authLength = Read16(data[10..], littleEndian);
        var callId = littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data[12..]) : BinaryPrimitives.ReadUInt32BigEndian(data[12..]);
        var trailer = authLength > 0 ? authLength + AuthTrailerLength : 0;
        if (length < ConnectionHeaderLength || ConnectionHeaderLength + trailer > length)
        {
            return Fail(MsRpcParseError.BadLength, out error);
        }

        var flags = data[3];
        var stubOffset = 0;
        ushort contextId = 0;
        ushort opnum = 0;
        if (type is DcePduType.Request or DcePduType.Response)
        {
            stubOffset = type == DcePduType.Request && (flags & DcePdu.ObjectUuid) != 0 ? 40 : 24;
            if (length - trailer < stubOffset)
            {
                return Fail(MsRpcParseError.TruncatedBody, out error);
            }

            if (data.Length >= 24)
            {
                contextId = Read16(data[20..], littleEndian);
                opnum = type == DcePduType.Request ? Read16(data[22..], littleEndian) : (ushort)0;
            }
        }

        pdu = new DcePdu(type, flags, littleEndian, length, callId, stubOffset, stubOffset == 0 ? 0 : length - trailer - stubOffset, contextId, opnum);
        return data.Length < length ? MsRpcParseStatus.Incomplete : MsRpcParseStatus.Complete;
    }

    /// <summary>A connectionless PDU (C706 §12.5.2.1): the whole datagram.</summary>
    /// <param name="interfaceId">if_id: the interface the call is on (connectionless PDUs carry it in every header).</param>
    /// <param name="activity">act_id: with seqnum (<see cref="DcePdu.CallId"/>) it names the call.</param>
    public static MsRpcParseStatus ParseDatagram(ReadOnlySpan<byte> data, out DcePdu pdu, out Guid interfaceId, out Guid activity, out MsRpcParseError error)
    {
        pdu = default;
        interfaceId = default;
        activity = default;
        error = MsRpcParseError.None;
        if (data.Length < DatagramHeaderLength)
        {
            return Fail(MsRpcParseError.BadLength, out error);
        }

        if (data[0] != 4)
        {
            return Fail(MsRpcParseError.BadVersion, out error);
        }

        var type = (DcePduType)data[1];
        if (type > DcePduType.CancelAck)
        {
            return Fail(MsRpcParseError.UnknownType, out error);
        }

        var littleEndian = (data[4] & 0xF0) == 0x10;
        interfaceId = new Guid(data.Slice(24, 16), bigEndian: !littleEndian);
        activity = new Guid(data.Slice(40, 16), bigEndian: !littleEndian);
        var sequence = littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data[64..]) : BinaryPrimitives.ReadUInt32BigEndian(data[64..]);
        var opnum = Read16(data[68..], littleEndian);
        var bodyLength = Read16(data[74..], littleEndian);
        var fragmentNumber = Read16(data[76..], littleEndian);
        if (DatagramHeaderLength + bodyLength > data.Length)
        {
            return Fail(MsRpcParseError.BadLength, out error);
        }

        // flags1 0x04 "frag": one of several fragments, of which only a lone one (fragnum 0, not fragmented) is read.
        var single = (data[2] & 0x04) == 0 && fragmentNumber == 0;
        var flags = single ? (byte)(DcePdu.FirstFragment | DcePdu.LastFragment) : (byte)0;
        pdu = new DcePdu(type, flags, littleEndian, data.Length, sequence, DatagramHeaderLength, bodyLength, 0, opnum);
        return MsRpcParseStatus.Complete;
    }

    /// <summary>The counter text for a reason, with the rule it breaks.</summary>
    public static string Describe(MsRpcParseError error) => error switch
    {
        MsRpcParseError.BadVersion => "MS-RPC: an rpc_vers other than 5 (connection-oriented) or 4 (datagram) (C706 §12.5.2.1, §12.6.3.1)",
        MsRpcParseError.UnknownType => "MS-RPC: a packet type the protocol does not define for this transport (C706 §12.5.2.1, §12.6.4)",
        MsRpcParseError.BadLength => "MS-RPC: a frag_length below its header or an auth_length that does not fit (C706 §12.6.3.1)",
        MsRpcParseError.TruncatedBody => "MS-RPC: a PDU body shorter than its fields (C706 §12.6.4)",
        MsRpcParseError.TooManyContexts => "MS-RPC: more presentation contexts than the ALG tracks (C706 §12.6.3.1)",
        MsRpcParseError.BadNdr => "MS-RPC: an endpoint-mapper reply whose NDR does not fit its stub ([MS-RPCE] 2.2.1.2, C706 Chapter 14)",
        MsRpcParseError.TooManyTowers => "MS-RPC: more towers or entries than the ALG reads (algs.md §5.3)",
        MsRpcParseError.BadTower => "MS-RPC: a tower whose floors do not fit its octet string (C706 Appendix L)",
        MsRpcParseError.CallTooLong => "MS-RPC: a fragmented reply longer than the ALG reads whole (algs.md §5.3)",
        _ => "MS-RPC: not DCE/RPC",
    };

    public static ushort Read16(ReadOnlySpan<byte> data, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data) : BinaryPrimitives.ReadUInt16BigEndian(data);

    private static MsRpcParseStatus Fail(MsRpcParseError reason, out MsRpcParseError error)
    {
        error = reason;
        return MsRpcParseStatus.Error;
    }
}
