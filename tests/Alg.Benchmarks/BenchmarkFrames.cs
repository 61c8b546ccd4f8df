using System.Buffers.Binary;
using Alg.Runtime.Checksums;
using Alg.Runtime.Packets;

namespace Alg.Benchmarks;

/// <summary>Ethernet/IPv4/UDP frames with valid checksums for the benchmarks' engines.</summary>
public static class BenchmarkFrames
{
    public static byte[] Udp(uint source, ushort sourcePort, uint destination, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[14 + 20 + 8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + payload.Length));
        ip[8] = 64;
        ip[9] = IpProtocol.Udp;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Compute(ip[..20]));
        var udp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + payload.Length));
        payload.CopyTo(udp[8..]);
        var sum = InternetChecksum.Ipv4PseudoHeader(source, destination, IpProtocol.Udp, 8 + payload.Length);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], InternetChecksum.Finish(InternetChecksum.Add(udp, sum)));
        return frame;
    }
}
