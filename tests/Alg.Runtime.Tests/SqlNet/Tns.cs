using System.Buffers.Binary;
using System.Text;

namespace Alg.Runtime.Tests.SqlNet;

/// <summary>TNS packets as a listener and a client send them (algs.md §8.1): 8-byte header, 2-byte length before a
/// version 315+ ACCEPT and 4-byte after.</summary>
internal static class Tns
{
    public const byte Connect = 1;
    public const byte Accept = 2;
    public const byte Refuse = 4;
    public const byte Redirect = 5;
    public const byte Data = 6;
    public const byte Resend = 11;

    public static byte[] Packet(byte type, byte[] body, bool largeLength = false)
    {
        var packet = new byte[8 + body.Length];
        if (largeLength)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)packet.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet, (ushort)packet.Length);
        }

        packet[4] = type;
        body.CopyTo(packet, 8);
        return packet;
    }

    /// <summary>A CONNECT carrying its descriptor inline (python-oracledb's layout: data at offset 74).</summary>
    public static byte[] ConnectPacket(string descriptor, int version = 318)
    {
        var text = Encoding.ASCII.GetBytes(descriptor);
        var body = new byte[66 + text.Length];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)version);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(2), 300);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(16), (ushort)text.Length);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(18), 74);
        text.CopyTo(body, 66);
        return Packet(Connect, body);
    }

    public static byte[] AcceptPacket(int version)
    {
        var body = new byte[32];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)version);
        return Packet(Accept, body);
    }

    /// <summary>A REDIRECT carrying its text: redirect-data length, then the text.</summary>
    public static byte[] RedirectPacket(string text, bool largeLength = false)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var body = new byte[2 + bytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)bytes.Length);
        bytes.CopyTo(body, 2);
        return Packet(Redirect, body, largeLength);
    }

    /// <summary>A REDIRECT holding only its redirect-data length (0: Cisco's zero-length REDIRECT; else the text follows
    /// in DATA, as python-oracledb reads it).</summary>
    public static byte[] RedirectLengthOnly(int declared)
    {
        var body = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)declared);
        return Packet(Redirect, body);
    }

    /// <summary>A DATA packet: 2 data-flag bytes, then the payload.</summary>
    public static byte[] DataPacket(string text, bool largeLength = false) => DataPacket(Encoding.ASCII.GetBytes(text), largeLength);

    public static byte[] DataPacket(byte[] payload, bool largeLength = false) => Packet(Data, [0, 0, .. payload], largeLength);

    public static int Length(byte[] packet, bool largeLength = false) =>
        largeLength ? (int)BinaryPrimitives.ReadUInt32BigEndian(packet) : BinaryPrimitives.ReadUInt16BigEndian(packet);

    public static int RedirectLength(byte[] packet) => BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(8));

    public static string RedirectText(byte[] packet) => Encoding.ASCII.GetString(packet, 10, RedirectLength(packet));

    public static string DataText(byte[] packet) => Encoding.ASCII.GetString(packet, 10, packet.Length - 10);

    public static byte[] Concat(params byte[][] packets) => packets.SelectMany(p => p).ToArray();
}
