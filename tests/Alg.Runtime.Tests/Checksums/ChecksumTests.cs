using System.Buffers.Binary;
using Alg.Runtime.Checksums;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Checksums;

public sealed class ChecksumTests
{
    [Fact]
    public void Rfc1071_example_sum()
    {
        // RFC 1071 §3 example: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2 (before complement).
        byte[] data = [0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7];
        Assert.Equal(0xDDF2, InternetChecksum.FoldTo16(InternetChecksum.Add(data, 0)));
    }

    [Fact]
    public void Odd_length_is_padded_on_the_right_RFC1071_4_1()
    {
        byte[] odd = [0x12, 0x34, 0x56];
        byte[] padded = [0x12, 0x34, 0x56, 0x00];
        Assert.Equal(InternetChecksum.Compute(padded), InternetChecksum.Compute(odd));
    }

    [Fact]
    public void Wide_loop_matches_a_word_by_word_reference()
    {
        var random = new Random(7);
        for (var length = 0; length < 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            ulong reference = 0;
            for (var i = 0; i + 1 < length; i += 2)
            {
                reference += (uint)((data[i] << 8) | data[i + 1]);
            }

            if (length % 2 == 1)
            {
                reference += (uint)data[^1] << 8;
            }

            Assert.Equal(InternetChecksum.FoldTo16(reference), InternetChecksum.FoldTo16(InternetChecksum.Add(data, 0)));
        }
    }

    [Fact]
    public void Incremental_16_bit_update_RFC1624_3()
    {
        var random = new Random(11);
        var data = new byte[40];
        for (var i = 0; i < 1000; i++)
        {
            random.NextBytes(data);
            var checksum = InternetChecksum.Compute(data);
            var position = random.Next(20) * 2;
            var old = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position));
            var replacement = (ushort)random.Next(65536);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(position), replacement);
            Assert.Equal(InternetChecksum.Compute(data), IncrementalChecksum.Update(checksum, old, replacement));
        }
    }

    [Fact]
    public void Ipv4_udp_checksum_zero_stays_zero_RFC768()
    {
        Assert.Equal(0, IncrementalChecksum.UpdateUdp(0, 0xC0A8010Au, 0xCB007101u));
        Assert.Equal(0, IncrementalChecksum.UpdateUdp(0, (ushort)5060, (ushort)40000));

        var frame = PacketBuilder.Udp(Ip.V4("192.168.1.10"), 5060, Ip.V4("198.51.100.7"), 5060, "x"u8, withChecksum: false);
        var info = Decoded.Ethernet(frame);
        Assert.True(info.Flags.HasFlag(PacketFlags.UdpChecksumAbsent));
        PacketRewriter.RewriteIpv4(frame, ref info, Ip.V4("203.0.113.1"), 40000, info.DestinationAddress, info.DestinationPort);
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(14 + 20 + 6)));
        Assert.True(PacketBuilder.ChecksumsValid(frame));
    }

    /// <summary>
    /// Property (RFC 1624 §3): for random TCP/UDP/ICMP packets and random address/port rewrites, the incremental
    /// update equals a full recomputation. Fixed seed, 10,000 cases.
    /// </summary>
    [Fact]
    public void Incremental_rewrite_equals_full_recompute_for_10000_random_packets()
    {
        var random = new Random(20240601);
        for (var i = 0; i < 10_000; i++)
        {
            var payload = new byte[random.Next(0, 200)];
            random.NextBytes(payload);
            var source = (uint)random.NextInt64(1, uint.MaxValue);
            var destination = (uint)random.NextInt64(1, uint.MaxValue);
            var sourcePort = (ushort)random.Next(1, 65536);
            var destinationPort = (ushort)random.Next(1, 65536);
            var kind = random.Next(3);
            var frame = kind switch
            {
                0 => PacketBuilder.Udp(source, sourcePort, destination, destinationPort, payload, optionsLength: random.Next(3) * 4),
                1 => PacketBuilder.Tcp(source, sourcePort, destination, destinationPort, TcpFlags.Ack | TcpFlags.Psh, (uint)random.NextInt64(uint.MaxValue), (uint)random.NextInt64(uint.MaxValue), payload),
                _ => PacketBuilder.IcmpEcho(source, destination, sourcePort, destinationPort, request: true),
            };
            var info = Decoded.Ethernet(frame);
            Assert.False(info.IsDropped);

            var newSource = random.Next(2) == 0 ? source : (uint)random.NextInt64(1, uint.MaxValue);
            var newDestination = random.Next(2) == 0 ? destination : (uint)random.NextInt64(1, uint.MaxValue);
            var newSourcePort = random.Next(2) == 0 ? sourcePort : (ushort)random.Next(1, 65536);
            var newDestinationPort = kind == 2 ? newSourcePort : random.Next(2) == 0 ? destinationPort : (ushort)random.Next(1, 65536);
            PacketRewriter.RewriteIpv4(frame, ref info, newSource, newSourcePort, newDestination, newDestinationPort);

            var expected = (byte[])frame.Clone();
            var ip = expected.AsSpan(14);
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], 0);
            var headerLength = (ip[0] & 0x0F) * 4;
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Compute(ip[..headerLength]));
            PacketBuilder.FixTransportChecksum(expected);
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(frame));
        }
    }

    [Fact]
    public void Crc32c_check_value_RFC3720_B_4()
    {
        // The standard CRC-32C check value of "123456789".
        Assert.Equal(0xE3069283u, Crc32c.Compute("123456789"u8));
        Assert.Equal(0xE3069283u, ~Crc32c.AppendSoftware(0xFFFFFFFF, "123456789"u8));
    }

    [Fact]
    public void Crc32c_hardware_and_table_paths_agree()
    {
        var random = new Random(3);
        for (var length = 0; length < 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(~Crc32c.AppendSoftware(0xFFFFFFFF, data), Crc32c.Compute(data));
        }
    }
}
