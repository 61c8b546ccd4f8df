using System.Buffers.Binary;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Sctp;

/// <summary>SCTP chunks as RFC 9260 §3.3 lays them out.</summary>
internal static class SctpChunks
{
    /// <summary>§3.3.2 INIT (or INIT ACK with type 2): Initiate Tag, a_rwnd, streams, initial TSN, then parameters.</summary>
    public static byte[] Init(uint initiateTag, byte type = 1, params byte[][] parameters)
    {
        var value = new byte[16 + parameters.Sum(p => p.Length)];
        BinaryPrimitives.WriteUInt32BigEndian(value, initiateTag);
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(4), 65536);
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(8), 10);
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(10), 10);
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(12), initiateTag ^ 0x5555);
        var offset = 16;
        foreach (var parameter in parameters)
        {
            parameter.CopyTo(value.AsSpan(offset));
            offset += parameter.Length;
        }

        return TunnelPackets.Chunk(type, 0, value);
    }

    public static byte[] InitAck(uint initiateTag, params byte[][] parameters) =>
        Init(initiateTag, 2, [.. parameters, StateCookie()]);

    /// <summary>§3.3.2.1 IPv4 Address parameter.</summary>
    public static byte[] Ipv4Address(uint address)
    {
        var parameter = new byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(parameter, 5);
        BinaryPrimitives.WriteUInt16BigEndian(parameter.AsSpan(2), 8);
        BinaryPrimitives.WriteUInt32BigEndian(parameter.AsSpan(4), address);
        return parameter;
    }

    /// <summary>§3.3.3.1 State Cookie (INIT ACK), 24 opaque bytes.</summary>
    public static byte[] StateCookie()
    {
        var parameter = new byte[28];
        BinaryPrimitives.WriteUInt16BigEndian(parameter, 7);
        BinaryPrimitives.WriteUInt16BigEndian(parameter.AsSpan(2), 28);
        parameter.AsSpan(4).Fill(0xC0);
        return parameter;
    }

    public static byte[] CookieEcho() => TunnelPackets.Chunk(10, 0, new byte[24]);

    public static byte[] CookieAck() => TunnelPackets.Chunk(11, 0, []);

    /// <summary>§3.3.1 DATA: TSN, stream, sequence, PPID, user data.</summary>
    public static byte[] Data(uint tsn, string text = "hello")
    {
        var value = new byte[12 + text.Length];
        BinaryPrimitives.WriteUInt32BigEndian(value, tsn);
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(value, 12);
        return TunnelPackets.Chunk(0, 0x03, value);
    }

    /// <summary>§3.3.4 SACK: cumulative TSN ack, a_rwnd, no gaps.</summary>
    public static byte[] Sack(uint tsn)
    {
        var value = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(value, tsn);
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(4), 65536);
        return TunnelPackets.Chunk(3, 0, value);
    }

    /// <summary>§3.3.5 HEARTBEAT (type 4) or HEARTBEAT ACK (5) with its info parameter.</summary>
    public static byte[] Heartbeat(byte type = 4)
    {
        var value = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(value, 1);
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(2), 12);
        return TunnelPackets.Chunk(type, 0, value);
    }

    public static byte[] Shutdown(uint tsn)
    {
        var value = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(value, tsn);
        return TunnelPackets.Chunk(7, 0, value);
    }

    public static byte[] ShutdownAck() => TunnelPackets.Chunk(8, 0, []);

    public static byte[] ShutdownComplete(bool reflected = false) => TunnelPackets.Chunk(14, (byte)(reflected ? 1 : 0), []);

    public static byte[] Abort(bool reflected = false) => TunnelPackets.Chunk(6, (byte)(reflected ? 1 : 0), []);
}
