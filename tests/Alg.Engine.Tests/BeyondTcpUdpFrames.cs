using System.Buffers.Binary;
using Alg.Runtime.Checksums;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Engine.Tests;

/// <summary>Ethernet/IPv4 frames of ESP, IKE and SCTP for the configuration tests (RFC 4303 §2, RFC 7296 §3.1, RFC 9260 §3).</summary>
internal static class BeyondTcpUdpFrames
{
    public static byte[] Ipv4(uint source, uint destination, byte protocol, ReadOnlySpan<byte> transport)
    {
        var frame = new byte[14 + 20 + transport.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + transport.Length));
        ip[8] = 64;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Compute(ip[..20]));
        transport.CopyTo(ip[20..]);
        return frame;
    }

    public static byte[] Esp(uint source, uint destination, uint spi, uint sequence = 1)
    {
        var esp = new byte[8 + 32];
        BinaryPrimitives.WriteUInt32BigEndian(esp, spi);
        BinaryPrimitives.WriteUInt32BigEndian(esp.AsSpan(4), sequence);
        return Ipv4(source, destination, IpProtocol.Esp, esp);
    }

    /// <summary>A UDP datagram without a checksum (RFC 768 allows it over IPv4).</summary>
    public static byte[] Udp(uint source, ushort sourcePort, uint destination, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        var udp = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        payload.CopyTo(udp.AsSpan(8));
        return Ipv4(source, destination, IpProtocol.Udp, udp);
    }

    /// <summary>An IKEv1 Quick Mode message (RFC 2409 §5.5), encrypted after its header.</summary>
    public static byte[] QuickMode(ulong spi)
    {
        var message = new byte[28 + 44];
        BinaryPrimitives.WriteUInt64BigEndian(message, spi);
        message[16] = 8;
        message[17] = 0x10;
        message[18] = 32;
        message[19] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(24), (uint)message.Length);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(30), 44);
        return message;
    }

    /// <summary>An SCTP packet with its CRC32c: the chunks given as (type, flags, value).</summary>
    public static byte[] Sctp(uint source, ushort sourcePort, uint destination, ushort destinationPort, uint tag, params (byte Type, byte Flags, byte[] Value)[] chunks)
    {
        var sctp = new byte[12 + chunks.Sum(c => (4 + c.Value.Length + 3) & ~3)];
        BinaryPrimitives.WriteUInt16BigEndian(sctp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(sctp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(sctp.AsSpan(4), tag);
        var offset = 12;
        foreach (var (type, flags, value) in chunks)
        {
            sctp[offset] = type;
            sctp[offset + 1] = flags;
            BinaryPrimitives.WriteUInt16BigEndian(sctp.AsSpan(offset + 2), (ushort)(4 + value.Length));
            value.CopyTo(sctp.AsSpan(offset + 4));
            offset += (4 + value.Length + 3) & ~3;
        }

        PacketRewriter.RecomputeSctpChecksum(sctp);
        return Ipv4(source, destination, IpProtocol.Sctp, sctp);
    }

    /// <summary>An INIT's value (RFC 9260 §3.3.2): Initiate Tag, a_rwnd, streams, initial TSN.</summary>
    public static byte[] InitValue(uint initiateTag)
    {
        var value = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(value, initiateTag);
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(4), 65536);
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(10), 1);
        return value;
    }

    /// <summary>A DATA chunk's value (RFC 9260 §3.3.1): TSN, stream, sequence, PPID, one byte of user data.</summary>
    public static byte[] DataValue(uint tsn)
    {
        var value = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(value, tsn);
        return value;
    }
}
