using Alg.Runtime.Capture;
using Alg.Runtime.Checksums;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Checksums;

public sealed class PacketChecksumsTests
{
    [Fact]
    public void Ipv6_tcp_udp_and_icmpv6_checksums_of_a_real_capture_verify_RFC8200_8_1_RFC4443_2_3()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("zeek_zeek__ftp__ipv6.pcap"));
        var verified = new Dictionary<byte, int>();
        while (reader.TryRead(out var record))
        {
            if (PacketDecoder.Decode(record.Data, record.LinkType, out var info) && info.IpVersion == 6
                && info.Protocol is IpProtocol.Tcp or IpProtocol.Udp or IpProtocol.Icmpv6)
            {
                Assert.True(PacketChecksums.TransportValid(record.Data, info), $"record {record.Number} protocol {info.Protocol}");
                verified[info.Protocol] = verified.GetValueOrDefault(info.Protocol) + 1;
            }
        }

        Assert.True(verified.GetValueOrDefault(IpProtocol.Tcp) > 50);
    }

    [Fact]
    public void Fixing_after_a_payload_change_gives_valid_ipv4_checksums()
    {
        var frame = PacketBuilder.Udp(Ip.V4("192.168.1.10"), 5060, Ip.V4("198.51.100.7"), 5060, "c=IN IP4 192.168.1.10"u8);
        var info = Decoded.Ethernet(frame);
        "203.0.113.77"u8.CopyTo(frame.AsSpan(info.PayloadOffset + 9));
        Assert.False(PacketBuilder.ChecksumsValid(frame));

        PacketChecksums.FixTransport(frame, info);
        PacketChecksums.FixIpv4Header(frame, info);
        Assert.True(PacketBuilder.ChecksumsValid(frame));
        Assert.True(PacketChecksums.TransportValid(frame, info));
    }

    [Fact]
    public void Tcp_and_icmp_recomputation_matches_the_builder()
    {
        var tcp = PacketBuilder.Tcp(Ip.V4("10.0.0.1"), 1, Ip.V4("10.0.0.2"), 2, TcpFlags.Ack, 5, 6, "abc"u8);
        var icmp = PacketBuilder.IcmpEcho(Ip.V4("10.0.0.1"), Ip.V4("10.0.0.2"), 9, 9, request: true);
        foreach (var frame in new[] { tcp, icmp })
        {
            var expected = (byte[])frame.Clone();
            var info = Decoded.Ethernet(frame);
            frame[info.TransportOffset + (info.Protocol == IpProtocol.Tcp ? 16 : 2)] ^= 0xFF;
            Assert.False(PacketChecksums.TransportValid(frame, info));
            PacketChecksums.FixTransport(frame, info);
            Assert.Equal(expected, frame);
        }
    }
}
