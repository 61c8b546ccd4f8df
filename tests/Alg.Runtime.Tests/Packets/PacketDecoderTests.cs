using System.Buffers.Binary;
using Alg.Runtime.Capture;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Packets;

public sealed class PacketDecoderTests
{
    private static readonly uint Inside = Ip.V4("192.168.1.10");
    private static readonly uint Remote = Ip.V4("198.51.100.7");

    [Fact]
    public void Ethernet_ipv4_udp_gives_offsets_addresses_and_ports()
    {
        var frame = PacketBuilder.Udp(Inside, 5060, Remote, 5070, "hello"u8);

        Assert.True(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.Equal(14, info.NetworkOffset);
        Assert.Equal(34, info.TransportOffset);
        Assert.Equal(42, info.PayloadOffset);
        Assert.Equal(frame.Length, info.PacketEnd);
        Assert.Equal(5, info.PayloadLength);
        Assert.Equal(IpProtocol.Udp, info.Protocol);
        Assert.Equal(Inside, info.SourceAddress);
        Assert.Equal(Remote, info.DestinationAddress);
        Assert.Equal(5060, info.SourcePort);
        Assert.Equal(5070, info.DestinationPort);
    }

    [Fact]
    public void Vlan_tag_is_skipped_and_its_id_kept()
    {
        var plain = PacketBuilder.Udp(Inside, 1, Remote, 2);
        var tagged = new byte[plain.Length + 4];
        plain.AsSpan(0, 12).CopyTo(tagged);
        BinaryPrimitives.WriteUInt16BigEndian(tagged.AsSpan(12), PacketDecoder.EtherTypeVlan);
        BinaryPrimitives.WriteUInt16BigEndian(tagged.AsSpan(14), 0x2064);
        plain.AsSpan(12).CopyTo(tagged.AsSpan(16));

        Assert.True(PacketDecoder.Decode(tagged, LinkType.Ethernet, out var info));
        Assert.True(info.Flags.HasFlag(PacketFlags.Vlan));
        Assert.Equal(100, info.VlanId);
        Assert.Equal(18, info.NetworkOffset);
        Assert.Equal(2, info.DestinationPort);
    }

    [Fact]
    public void Linux_sll_and_sll2_and_raw_ip_link_types_decode()
    {
        var ip = PacketBuilder.Udp(Inside, 1000, Remote, 53).AsSpan(14).ToArray();

        var sll = new byte[16 + ip.Length];
        BinaryPrimitives.WriteUInt16BigEndian(sll.AsSpan(14), PacketDecoder.EtherTypeIpv4);
        ip.CopyTo(sll, 16);
        Assert.True(PacketDecoder.Decode(sll, LinkType.LinuxSll, out var viaSll));
        Assert.Equal(16, viaSll.NetworkOffset);
        Assert.Equal(53, viaSll.DestinationPort);

        var sll2 = new byte[20 + ip.Length];
        BinaryPrimitives.WriteUInt16BigEndian(sll2, PacketDecoder.EtherTypeIpv4);
        ip.CopyTo(sll2, 20);
        Assert.True(PacketDecoder.Decode(sll2, LinkType.LinuxSll2, out var viaSll2));
        Assert.Equal(20, viaSll2.NetworkOffset);
        Assert.Equal(53, viaSll2.DestinationPort);

        Assert.True(PacketDecoder.Decode(ip, LinkType.RawIp, out var raw));
        Assert.Equal(0, raw.NetworkOffset);
        Assert.Equal(Remote, raw.DestinationAddress);
        Assert.True(PacketDecoder.Decode(ip, LinkType.RawIpv4, out _));
    }

    [Fact]
    public void Ipv4_options_move_the_transport_header_RFC791_3_1()
    {
        var frame = PacketBuilder.Udp(Inside, 7, Remote, 9, "x"u8, optionsLength: 8);

        Assert.True(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.True(info.Flags.HasFlag(PacketFlags.Ipv4Options));
        Assert.Equal(14 + 28, info.TransportOffset);
        Assert.Equal(9, info.DestinationPort);
    }

    [Fact]
    public void Ipv6_extension_headers_are_walked_to_the_transport_RFC8200_4()
    {
        // IPv6 + hop-by-hop (8) + destination options (16) + UDP.
        var udp = new byte[8 + 4];
        BinaryPrimitives.WriteUInt16BigEndian(udp, 546);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), 547);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        var extensions = new byte[8 + 16];
        extensions[0] = IpProtocol.Ipv6DestinationOptions;
        extensions[1] = 0;
        extensions[8] = IpProtocol.Udp;
        extensions[9] = 1;
        var ip = new byte[40 + extensions.Length + udp.Length];
        ip[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(4), (ushort)(extensions.Length + udp.Length));
        ip[6] = IpProtocol.HopByHop;
        ip[7] = 64;
        extensions.CopyTo(ip, 40);
        udp.CopyTo(ip, 40 + extensions.Length);

        Assert.True(PacketDecoder.Decode(ip, LinkType.RawIpv6, out var info));
        Assert.Equal(6, info.IpVersion);
        Assert.Equal(IpProtocol.Udp, info.Protocol);
        Assert.Equal(64, info.TransportOffset);
        Assert.Equal(547, info.DestinationPort);
    }

    [Fact]
    public void Icmp_echo_identifier_stands_in_for_ports_RFC5508_3_1()
    {
        var frame = PacketBuilder.IcmpEcho(Inside, Remote, identifier: 0x4242, sequence: 1, request: true);

        Assert.True(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.True(info.Flags.HasFlag(PacketFlags.IcmpQuery));
        Assert.Equal(0x4242, info.SourcePort);
        Assert.Equal(0x4242, info.DestinationPort);
    }

    [Fact]
    public void Icmp_error_points_at_the_embedded_header_RFC792()
    {
        var offending = PacketBuilder.Udp(Inside, 4000, Remote, 33434);
        var error = PacketBuilder.IcmpError(Remote, Inside, 3, 3, offending);

        Assert.True(PacketDecoder.Decode(error, LinkType.Ethernet, out var info));
        Assert.True(info.Flags.HasFlag(PacketFlags.IcmpError));
        Assert.Equal(14 + 20 + 8, info.EmbeddedNetworkOffset);
    }

    [Fact]
    public void Truncated_icmp_error_quote_is_a_counted_drop()
    {
        var offending = PacketBuilder.Udp(Inside, 4000, Remote, 33434);
        var error = PacketBuilder.IcmpError(Remote, Inside, 3, 3, offending, quotedTransportBytes: 4);

        Assert.False(PacketDecoder.Decode(error, LinkType.Ethernet, out var info));
        Assert.Equal(DropReason.TruncatedIcmpEmbeddedHeader, info.DropReason);
    }

    [Fact]
    public void Enhanced_gre_call_id_is_read_from_the_key_field_RFC2637_4_1()
    {
        var gre = new byte[8 + 4];
        BinaryPrimitives.WriteUInt16BigEndian(gre, 0x2001); // K bit, version 1
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(2), 0x880B);
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(4), 4);
        BinaryPrimitives.WriteUInt16BigEndian(gre.AsSpan(6), 11755);
        var frame = PacketBuilder.Ipv4(Inside, Remote, IpProtocol.Gre, gre, withChecksum: false);

        Assert.True(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.True(info.Flags.HasFlag(PacketFlags.EnhancedGre));
        Assert.Equal(11755, info.GreCallId);
        Assert.Equal(4, info.PayloadLength);
    }

    [Fact]
    public void Corpus_gre_v1_packet_decodes_with_its_call_id()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("ntop_nDPI__gre.pcapng"));
        Assert.True(reader.TryRead(out var record));
        Assert.True(PacketDecoder.Decode(record.Data, record.LinkType, out var info));
        Assert.Equal(IpProtocol.Gre, info.Protocol);
        Assert.True(info.Flags.HasFlag(PacketFlags.EnhancedGre));
    }

    [Fact]
    public void Corpus_sll_sctp_packets_decode_ports()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("sipcapture_heplify__sip_sctp.pcap"));
        Assert.Equal(LinkType.LinuxSll, reader.Interfaces[0].LinkType);
        Assert.True(reader.TryRead(out var record));
        Assert.True(PacketDecoder.Decode(record.Data, record.LinkType, out var info));
        Assert.Equal(IpProtocol.Sctp, info.Protocol);
        Assert.True(info.Flags.HasFlag(PacketFlags.HasPorts));
    }

    [Fact]
    public void Corpus_vlan_tagged_capture_decodes()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("arkime_arkime__oracle.pcap"));
        Assert.True(reader.TryRead(out var record));
        Assert.True(PacketDecoder.Decode(record.Data, record.LinkType, out var info));
        Assert.True(info.Flags.HasFlag(PacketFlags.Vlan));
        Assert.Equal(IpProtocol.Tcp, info.Protocol);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    public void Truncated_frames_are_drops_not_exceptions(int keep)
    {
        var frame = PacketBuilder.Udp(Inside, 1, Remote, 2)[..keep];
        Assert.False(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.Equal(DropReason.TruncatedLinkHeader, info.DropReason);
    }

    [Fact]
    public void Bad_ihl_is_a_drop()
    {
        var frame = PacketBuilder.Udp(Inside, 1, Remote, 2);
        frame[14] = 0x43; // IHL 3 = 12 bytes < 20
        Assert.False(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.Equal(DropReason.BadIpv4HeaderLength, info.DropReason);
    }

    [Fact]
    public void Total_length_beyond_the_capture_is_a_drop()
    {
        var frame = PacketBuilder.Udp(Inside, 1, Remote, 2, "abcdef"u8);
        Assert.False(PacketDecoder.Decode(frame.AsSpan(0, frame.Length - 3), LinkType.Ethernet, out var info));
        Assert.Equal(DropReason.IpTotalLengthExceedsCaptured, info.DropReason);
    }

    [Fact]
    public void Total_length_below_the_header_is_a_drop()
    {
        var frame = PacketBuilder.Udp(Inside, 1, Remote, 2);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), 12);
        Assert.False(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.Equal(DropReason.BadIpTotalLength, info.DropReason);
    }

    [Fact]
    public void Bad_tcp_data_offset_is_a_drop()
    {
        var frame = PacketBuilder.Tcp(Inside, 1, Remote, 2, TcpFlags.Syn);
        frame[14 + 20 + 12] = 0x20; // 8-byte header
        Assert.False(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.Equal(DropReason.BadTcpDataOffset, info.DropReason);
    }

    [Fact]
    public void Udp_length_beyond_the_datagram_is_a_drop()
    {
        var frame = PacketBuilder.Udp(Inside, 1, Remote, 2);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 20 + 4), 200);
        Assert.False(PacketDecoder.Decode(frame, LinkType.Ethernet, out var info));
        Assert.Equal(DropReason.BadUdpLength, info.DropReason);
    }

    [Fact]
    public void Unknown_link_type_is_a_drop()
    {
        Assert.False(PacketDecoder.Decode(new byte[64], (LinkType)147, out var info));
        Assert.Equal(DropReason.UnsupportedLinkType, info.DropReason);
    }

    [Fact]
    public void Non_ip_frames_are_marked_not_dropped()
    {
        var arp = new byte[42];
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(12), 0x0806);
        Assert.True(PacketDecoder.Decode(arp, LinkType.Ethernet, out var info));
        Assert.True(info.Flags.HasFlag(PacketFlags.NotIp));
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(1234);
        var buffer = new byte[256];
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(buffer.Length);
            random.NextBytes(buffer);
            buffer[12] = 0x08;
            buffer[13] = i % 3 == 0 ? (byte)0x00 : buffer[13];
            buffer[14] = (byte)((buffer[14] & 0x0F) | 0x40);
            PacketDecoder.Decode(buffer.AsSpan(0, length), (LinkType)(i % 2 == 0 ? 1 : 101), out _);
        }
    }

    [Fact]
    public void Decoding_allocates_nothing()
    {
        var frame = PacketBuilder.Tcp(Inside, 1, Remote, 2, TcpFlags.Ack, payload: "data"u8);
        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                PacketDecoder.Decode(frame, LinkType.Ethernet, out _);
            }
        });

        Assert.Equal(0, allocated);
    }
}
