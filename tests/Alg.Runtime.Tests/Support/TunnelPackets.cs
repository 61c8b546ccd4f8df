using System.Buffers.Binary;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>Frames of the protocols without ports: PPTP's enhanced GRE, ESP, SCTP (with its CRC32c).</summary>
public static class TunnelPackets
{
    /// <summary>An enhanced GRE packet (RFC 2637 §4.1): K set, version 1, protocol 0x880B, the key's payload length and
    /// call id (the receiver's), a sequence number, and an acknowledgment when given.</summary>
    public static byte[] Gre(uint source, uint destination, ushort callId, uint sequence = 1, uint? acknowledgment = null, byte[]? payload = null)
    {
        payload ??= [0xFF, 0x03, 0xC0, 0x21, 0x01, 0x01, 0x00, 0x04];
        var length = 8 + 4 + (acknowledgment is null ? 0 : 4) + payload.Length;
        var gre = new byte[length];
        var flags = (ushort)(0x2000 | 0x1000 | 0x0001 | (acknowledgment is null ? 0 : 0x0080));
        BinaryPrimitives.WriteUInt16BigEndian(gre, flags);
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(2), 0x880B);
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(4), (ushort)payload.Length);
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(6), callId);
        BinaryPrimitives.WriteUInt32BigEndian(gre.AsSpan(8), sequence);
        var offset = 12;
        if (acknowledgment is { } ack)
        {
            BinaryPrimitives.WriteUInt32BigEndian(gre.AsSpan(12), ack);
            offset = 16;
        }

        payload.CopyTo(gre.AsSpan(offset));
        return PacketBuilder.Ipv4(source, destination, IpProtocol.Gre, gre, withChecksum: false);
    }

    /// <summary>The call id in an enhanced GRE frame's key.</summary>
    public static ushort GreCallId(byte[] frame) => BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(PacketBuilder.EthernetHeader + 20 + 6));

    /// <summary>An ESP packet (RFC 4303 §2): SPI, sequence number, then bytes standing for the encrypted payload.</summary>
    public static byte[] Esp(uint source, uint destination, uint spi, uint sequence = 1, int payloadLength = 48)
    {
        var esp = new byte[8 + payloadLength];
        BinaryPrimitives.WriteUInt32BigEndian(esp, spi);
        BinaryPrimitives.WriteUInt32BigEndian(esp.AsSpan(4), sequence);
        for (var i = 8; i < esp.Length; i++)
        {
            esp[i] = (byte)(i * 37);
        }

        return PacketBuilder.Ipv4(source, destination, IpProtocol.Esp, esp, withChecksum: false);
    }

    /// <summary>An SCTP packet (RFC 9260 §3): common header, the chunks as given, and its CRC32c.</summary>
    public static byte[] Sctp(uint source, ushort sourcePort, uint destination, ushort destinationPort, uint verificationTag, params byte[][] chunks)
    {
        var length = 12 + chunks.Sum(c => (c.Length + 3) & ~3);
        var sctp = new byte[length];
        BinaryPrimitives.WriteUInt16BigEndian(sctp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(sctp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(sctp.AsSpan(4), verificationTag);
        var offset = 12;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(sctp.AsSpan(offset));
            offset += (chunk.Length + 3) & ~3;
        }

        Alg.Runtime.Nat.PacketRewriter.RecomputeSctpChecksum(sctp);
        return PacketBuilder.Ipv4(source, destination, IpProtocol.Sctp, sctp, withChecksum: false);
    }

    /// <summary>One SCTP chunk (RFC 9260 §3.2): type, flags, length (without padding), value.</summary>
    public static byte[] Chunk(byte type, byte flags, ReadOnlySpan<byte> value)
    {
        var chunk = new byte[4 + value.Length];
        chunk[0] = type;
        chunk[1] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(chunk.AsSpan(2), (ushort)chunk.Length);
        value.CopyTo(chunk.AsSpan(4));
        return chunk;
    }

    /// <summary>True when the SCTP packet of an IPv4 frame carries the right CRC32c (RFC 9260 §6.8).</summary>
    public static bool SctpChecksumValid(byte[] frame)
    {
        var ip = frame.AsSpan(PacketBuilder.EthernetHeader);
        var headerLength = (ip[0] & 0x0F) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        return Alg.Runtime.Nat.PacketRewriter.SctpChecksumValid(ip[headerLength..total]);
    }
}
