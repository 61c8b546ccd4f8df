using System.Buffers.Binary;
using Alg.Runtime.Capture;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Capture;

/// <summary>pcapng features the corpus lacks: several interfaces, both byte orders, unknown blocks, SPB, 2^-n resolution.</summary>
public sealed class PcapNgReaderTests
{
    private static readonly byte[] EthernetFrame = PacketBuilder.Udp(Ip.V4("192.168.1.10"), 1, Ip.V4("198.51.100.7"), 2, "eth"u8);
    private static readonly byte[] RawFrame = PacketBuilder.Udp(Ip.V4("192.168.1.10"), 3, Ip.V4("198.51.100.7"), 4, "raw"u8)[14..];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Several_interfaces_with_their_own_link_types_and_resolutions(bool bigEndian)
    {
        var file = new PcapNgBuilder(bigEndian)
            .Section()
            .Interface(1)
            .Interface(101, timestampResolution: 9)
            .Block(0x0BAD, new byte[12])
            .EnhancedPacket(0, 1_500_000_000_123_456UL, EthernetFrame)
            .Block(5, new byte[8])
            .EnhancedPacket(1, 1_500_000_000_123_456_789UL, RawFrame)
            .ToArray();

        using var reader = new CaptureReader(new MemoryStream(file), "multi.pcapng");
        Assert.True(reader.TryRead(out var first));
        Assert.Equal(LinkType.Ethernet, first.LinkType);
        Assert.Equal(1_500_000_000_123_456_000L, first.TimestampNanoseconds);
        Assert.True(PacketDecoder.Decode(first.Data, first.LinkType, out var firstInfo));
        Assert.Equal(2, firstInfo.DestinationPort);

        Assert.True(reader.TryRead(out var second));
        Assert.Equal(2, second.Number);
        Assert.Equal(1, second.InterfaceIndex);
        Assert.Equal(LinkType.RawIp, second.LinkType);
        Assert.Equal(1_500_000_000_123_456_789L, second.TimestampNanoseconds);
        Assert.Equal(TimestampPrecision.Nanoseconds, second.Interface.Precision);
        Assert.True(PacketDecoder.Decode(second.Data, second.LinkType, out var secondInfo));
        Assert.Equal(4, secondInfo.DestinationPort);

        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Simple_packet_block_uses_interface_zero()
    {
        var file = new PcapNgBuilder(false).Section().Interface(1).SimplePacket(EthernetFrame).ToArray();
        using var reader = new CaptureReader(new MemoryStream(file), "spb.pcapng");
        Assert.True(reader.TryRead(out var record));
        Assert.Equal(EthernetFrame, record.Data.ToArray());
    }

    [Fact]
    public void Binary_fraction_resolution_converts_to_nanoseconds()
    {
        // if_tsresol 0x80|10: 2^-10 s units; 1024 units = 1 s, 512 = 0.5 s.
        var file = new PcapNgBuilder(false).Section().Interface(1, timestampResolution: 0x8A).EnhancedPacket(0, 1024 + 512, EthernetFrame).ToArray();
        using var reader = new CaptureReader(new MemoryStream(file), "binary.pcapng");
        Assert.True(reader.TryRead(out var record));
        Assert.Equal(1_500_000_000L, record.TimestampNanoseconds);
    }

    [Fact]
    public void A_new_section_starts_a_new_interface_list()
    {
        var file = new PcapNgBuilder(false)
            .Section().Interface(1).EnhancedPacket(0, 0, EthernetFrame)
            .Section().Interface(113).EnhancedPacket(0, 0, Sll())
            .ToArray();
        using var reader = new CaptureReader(new MemoryStream(file), "sections.pcapng");
        Assert.True(reader.TryRead(out var first));
        Assert.Equal(LinkType.Ethernet, first.LinkType);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal(LinkType.LinuxSll, second.LinkType);
    }

    [Fact]
    public void Packet_for_an_undeclared_interface_is_a_clear_error()
    {
        var file = new PcapNgBuilder(false).Section().Interface(1).EnhancedPacket(3, 0, EthernetFrame).ToArray();
        using var reader = new CaptureReader(new MemoryStream(file), "bad.pcapng");
        var error = Assert.Throws<CaptureFormatException>(() => reader.TryRead(out _));
        Assert.Contains("record 1: packet refers to interface 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_link_type_in_an_interface_block_is_a_clear_error()
    {
        var file = new PcapNgBuilder(false).Section().Interface(147).EnhancedPacket(0, 0, EthernetFrame).ToArray();
        using var reader = new CaptureReader(new MemoryStream(file), "user.pcapng");
        var error = Assert.Throws<CaptureFormatException>(() => reader.TryRead(out _));
        Assert.Contains("link type 147 is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_trailing_length_is_a_clear_error()
    {
        var file = new PcapNgBuilder(false).Section().Interface(1).EnhancedPacket(0, 0, EthernetFrame).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), 12345);
        using var reader = new CaptureReader(new MemoryStream(file), "corrupt.pcapng");
        var error = Assert.Throws<CaptureFormatException>(() => reader.TryRead(out _));
        Assert.Contains("trailing length", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Sll()
    {
        var frame = new byte[16 + RawFrame.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), 0x0800);
        RawFrame.CopyTo(frame, 16);
        return frame;
    }
}
