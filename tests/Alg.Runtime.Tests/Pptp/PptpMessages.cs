using System.Buffers.Binary;

namespace Alg.Runtime.Tests.Pptp;

/// <summary>PPTP control messages as RFC 2637 §2 lays them out (length, type 1, magic cookie, control type, fields).</summary>
internal static class PptpMessages
{
    public static byte[] Message(ushort type, int length, Action<byte[]>? fields = null)
    {
        var message = new byte[length];
        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(8), type);
        fields?.Invoke(message);
        return message;
    }

    /// <summary>§2.1: protocol version 1.0, framing and bearer capabilities, host name.</summary>
    public static byte[] StartControlConnectionRequest() => Message(1, 156, m =>
    {
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), 0x0100);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(16), 1);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), 1);
        "local"u8.CopyTo(m.AsSpan(28));
    });

    /// <summary>§2.2: Result Code 1, successful channel establishment.</summary>
    public static byte[] StartControlConnectionReply(byte result = 1) => Message(2, 156, m =>
    {
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), 0x0100);
        m[14] = result;
    });

    public static byte[] StopControlConnectionRequest() => Message(3, 16, m => m[12] = 1);

    public static byte[] EchoRequest(uint identifier) => Message(5, 16, m => BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(12), identifier));

    public static byte[] EchoReply(uint identifier) => Message(6, 20, m =>
    {
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(12), identifier);
        m[16] = 1;
    });

    /// <summary>§2.7: Call ID (the PNS's), Call Serial Number, speeds, window.</summary>
    public static byte[] OutgoingCallRequest(ushort callId, ushort serial = 1) => Message(7, 168, m =>
    {
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), callId);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(14), serial);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(16), 2400);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), 10000000);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(32), 64);
    });

    /// <summary>§2.8: Call ID (the PAC's), Peer's Call ID (the PNS's), Result Code (1: connected).</summary>
    public static byte[] OutgoingCallReply(ushort callId, ushort peersCallId, byte result = 1) => Message(8, 32, m =>
    {
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), callId);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(14), peersCallId);
        m[16] = result;
    });

    /// <summary>§2.9: Call ID (the PAC's).</summary>
    public static byte[] IncomingCallRequest(ushort callId) => Message(9, 220, m => BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), callId));

    /// <summary>§2.10: Call ID (the PNS's), Peer's Call ID (the PAC's), Result Code (1: accept).</summary>
    public static byte[] IncomingCallReply(ushort callId, ushort peersCallId, byte result = 1) => Message(10, 24, m =>
    {
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), callId);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(14), peersCallId);
        m[16] = result;
    });

    /// <summary>§2.11: Peer's Call ID (the PNS's).</summary>
    public static byte[] IncomingCallConnected(ushort peersCallId) => Message(11, 28, m => BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), peersCallId));

    /// <summary>§2.12: Call ID (the PNS's).</summary>
    public static byte[] CallClearRequest(ushort callId) => Message(12, 16, m => BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), callId));

    /// <summary>§2.13: Call ID (the PAC's), Result Code.</summary>
    public static byte[] CallDisconnectNotify(ushort callId) => Message(13, 148, m =>
    {
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), callId);
        m[14] = 3;
    });

    /// <summary>§2.14: Peer's Call ID (the PNS's).</summary>
    public static byte[] WanErrorNotify(ushort peersCallId) => Message(14, 40, m => BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), peersCallId));

    /// <summary>§2.15: Peer's Call ID.</summary>
    public static byte[] SetLinkInfo(ushort peersCallId) => Message(15, 24, m =>
    {
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(12), peersCallId);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(16), 0xFFFFFFFF);
    });

    public static ushort Field(byte[] payload, int offset) => BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(offset));
}
