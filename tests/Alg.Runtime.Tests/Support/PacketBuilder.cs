using System.Buffers.Binary;
using Alg.Runtime.Checksums;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>Builds well-formed Ethernet/IPv4 frames with correct checksums for tests.</summary>
public static class PacketBuilder
{
    public const int EthernetHeader = 14;

    public static byte[] Udp(uint source, ushort sourcePort, uint destination, ushort destinationPort, ReadOnlySpan<byte> payload = default, bool withChecksum = true, int optionsLength = 0)
    {
        var transport = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(transport, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(4), (ushort)transport.Length);
        payload.CopyTo(transport.AsSpan(8));
        return Ipv4(source, destination, IpProtocol.Udp, transport, withChecksum, optionsLength);
    }

    public static byte[] Tcp(uint source, ushort sourcePort, uint destination, ushort destinationPort, TcpFlags flags, uint sequence = 1000, uint acknowledgment = 0, ReadOnlySpan<byte> payload = default)
    {
        var transport = new byte[20 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(transport, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(transport.AsSpan(4), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(transport.AsSpan(8), acknowledgment);
        transport[12] = 5 << 4;
        transport[13] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(14), 65535);
        payload.CopyTo(transport.AsSpan(20));
        return Ipv4(source, destination, IpProtocol.Tcp, transport, withChecksum: true);
    }

    public static byte[] IcmpEcho(uint source, uint destination, ushort identifier, ushort sequence, bool request)
    {
        var transport = new byte[16];
        transport[0] = request ? (byte)8 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(4), identifier);
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(6), sequence);
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(2), InternetChecksum.Compute(transport));
        return Ipv4(source, destination, IpProtocol.Icmp, transport, withChecksum: true);
    }

    /// <summary>An ICMP error quoting the IP header and first 8+ bytes of <paramref name="offendingFrame"/>.</summary>
    public static byte[] IcmpError(uint source, uint destination, byte type, byte code, byte[] offendingFrame, int quotedTransportBytes = 8)
    {
        var offending = offendingFrame.AsSpan(EthernetHeader);
        var headerLength = (offending[0] & 0x0F) * 4;
        var quoted = offending[..Math.Min(offending.Length, headerLength + quotedTransportBytes)];
        var transport = new byte[8 + quoted.Length];
        transport[0] = type;
        transport[1] = code;
        quoted.CopyTo(transport.AsSpan(8));
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(2), InternetChecksum.Compute(transport));
        return Ipv4(source, destination, IpProtocol.Icmp, transport, withChecksum: true);
    }

    public static byte[] Ipv4(uint source, uint destination, byte protocol, ReadOnlySpan<byte> transport, bool withChecksum, int optionsLength = 0, ushort identification = 0x1234, ushort fragmentField = 0)
    {
        var headerLength = 20 + optionsLength;
        var frame = new byte[EthernetHeader + headerLength + transport.Length];
        WriteEthernet(frame, PacketDecoder.EtherTypeIpv4);
        var ip = frame.AsSpan(EthernetHeader);
        ip[0] = (byte)(0x40 | (headerLength / 4));
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(headerLength + transport.Length));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], identification);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], fragmentField);
        ip[8] = 64;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        for (var i = 20; i < headerLength; i++)
        {
            ip[i] = 1; // NOP options
        }

        transport.CopyTo(ip[headerLength..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Compute(ip[..headerLength]));
        if (withChecksum && fragmentField == 0)
        {
            FixTransportChecksum(frame);
        }

        return frame;
    }

    /// <summary>Recomputes the transport checksum of an unfragmented IPv4 frame from scratch.</summary>
    public static void FixTransportChecksum(byte[] frame)
    {
        var ip = frame.AsSpan(EthernetHeader);
        var headerLength = (ip[0] & 0x0F) * 4;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var protocol = ip[9];
        var transport = ip[headerLength..totalLength];
        var offset = ChecksumOffset(protocol);
        if (offset < 0)
        {
            return;
        }

        BinaryPrimitives.WriteUInt16BigEndian(transport[offset..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(transport[offset..], FullTransportChecksum(ip, transport, protocol));
    }

    /// <summary>The checksum a transport header should carry, computed from scratch (checksum field read as is).</summary>
    public static ushort FullTransportChecksum(ReadOnlySpan<byte> ip, ReadOnlySpan<byte> transport, byte protocol)
    {
        if (protocol == IpProtocol.Icmp)
        {
            return InternetChecksum.Compute(transport);
        }

        var sum = InternetChecksum.Ipv4PseudoHeader(
            BinaryPrimitives.ReadUInt32BigEndian(ip[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(ip[16..]),
            protocol,
            transport.Length);
        var result = InternetChecksum.Finish(InternetChecksum.Add(transport, sum));
        return protocol == IpProtocol.Udp && result == 0 ? (ushort)0xFFFF : result;
    }

    /// <summary>True when the IPv4 header and transport checksums of the frame verify (a zero UDP checksum counts as valid).</summary>
    public static bool ChecksumsValid(ReadOnlySpan<byte> frame)
    {
        var ip = frame[EthernetHeader..];
        var headerLength = (ip[0] & 0x0F) * 4;
        if (InternetChecksum.Compute(ip[..headerLength]) != 0)
        {
            return false;
        }

        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var protocol = ip[9];
        var transport = ip[headerLength..totalLength];
        if (protocol == IpProtocol.Udp && BinaryPrimitives.ReadUInt16BigEndian(transport[6..]) == 0)
        {
            return true;
        }

        if (ChecksumOffset(protocol) < 0)
        {
            return true;
        }

        if (protocol == IpProtocol.Icmp)
        {
            return InternetChecksum.Compute(transport) == 0;
        }

        var sum = InternetChecksum.Ipv4PseudoHeader(BinaryPrimitives.ReadUInt32BigEndian(ip[12..]), BinaryPrimitives.ReadUInt32BigEndian(ip[16..]), protocol, transport.Length);
        return InternetChecksum.FoldTo16(InternetChecksum.Add(transport, sum)) == 0xFFFF;
    }

    private static int ChecksumOffset(byte protocol) => protocol switch
    {
        IpProtocol.Tcp => 16,
        IpProtocol.Udp => 6,
        IpProtocol.Icmp => 2,
        _ => -1,
    };

    private static void WriteEthernet(Span<byte> frame, ushort etherType)
    {
        frame[0] = 0x02;
        frame[5] = 0x01;
        frame[6] = 0x02;
        frame[11] = 0x02;
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], etherType);
    }
}
