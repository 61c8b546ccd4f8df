using System.Buffers.Binary;
using Alg.Runtime.Packets;
using Alg.Runtime.Reassembly;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Reassembly;

/// <summary>RFC 2663 §7.1: after a length-changing rewrite, SEQ and ACK are shifted for the rest of the connection.</summary>
public sealed class SequenceOffsetTrackerTests
{
    [Fact]
    public void Data_after_a_rewrite_is_shifted_and_the_rewritten_segment_is_not()
    {
        var tracker = new SequenceOffsetTracker();
        tracker.Record(1000, +5);
        Assert.Equal(1000u, tracker.ToTranslated(1000));
        Assert.Equal(1105u, tracker.ToTranslated(1100));
        tracker.Record(2000, -3);
        Assert.Equal(1105u, tracker.ToTranslated(1100));
        Assert.Equal(2005u, tracker.ToTranslated(2000));
        Assert.Equal(3002u, tracker.ToTranslated(3000));
        Assert.Equal(2, tracker.CurrentOffset);
    }

    [Fact]
    public void Acknowledgments_map_back_to_the_original_numbers()
    {
        var tracker = new SequenceOffsetTracker();
        tracker.Record(1000, +5);
        tracker.Record(2000, -3);
        foreach (var original in new uint[] { 900, 1000, 1001, 1500, 2000, 2500, 5000 })
        {
            Assert.Equal(original, tracker.ToOriginal(tracker.ToTranslated(original)));
        }
    }

    [Fact]
    public void Same_segment_rewritten_again_counts_once()
    {
        var tracker = new SequenceOffsetTracker();
        tracker.Record(1000, +5);
        tracker.Record(1000, +5);
        Assert.Equal(5, tracker.CurrentOffset);
    }

    [Fact]
    public void Offsets_work_across_sequence_wrap()
    {
        var tracker = new SequenceOffsetTracker();
        tracker.Record(uint.MaxValue - 10, +20);
        Assert.Equal(15u, tracker.ToTranslated(uint.MaxValue - 4));
        Assert.Equal(uint.MaxValue - 4, tracker.ToOriginal(15));
    }

    [Fact]
    public void Header_rewrite_shifts_seq_and_ack_and_keeps_the_checksum_right()
    {
        var clientToServer = new SequenceOffsetTracker();
        var serverToClient = new SequenceOffsetTracker();
        clientToServer.Record(1000, +7);
        serverToClient.Record(5000, -2);
        var frame = PacketBuilder.Tcp(Ip.V4("192.168.1.10"), 5060, Ip.V4("198.51.100.7"), 5060, TcpFlags.Ack | TcpFlags.Psh, 1500, 6000, "x"u8);

        TcpSequenceRewriter.Apply(frame.AsSpan(14 + 20), clientToServer, serverToClient);

        Assert.Equal(1507u, BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(14 + 20 + 4)));
        Assert.Equal(6002u, BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(14 + 20 + 8)));
        Assert.True(PacketBuilder.ChecksumsValid(frame));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void Sack_edges_are_shifted_like_the_ack_RFC2018_3(int leadingNops)
    {
        var serverToClient = new SequenceOffsetTracker();
        serverToClient.Record(5000, +10);
        var frame = PacketBuilder.Tcp(Ip.V4("192.168.1.10"), 5060, Ip.V4("198.51.100.7"), 5060, TcpFlags.Ack, 1500, 6010);

        // Rebuild the header with options: NOPs, SACK with one block (translated numbers 6110-6210), padding.
        var options = new byte[12];
        var position = 0;
        for (var i = 0; i < leadingNops; i++)
        {
            options[position++] = 1;
        }

        options[position] = 5;
        options[position + 1] = 10;
        BinaryPrimitives.WriteUInt32BigEndian(options.AsSpan(position + 2), 6110);
        BinaryPrimitives.WriteUInt32BigEndian(options.AsSpan(position + 6), 6210);
        var ip = frame.AsSpan(14, 20).ToArray();
        var tcpHeader = frame.AsSpan(34, 20).ToArray();
        tcpHeader[12] = (20 + 12) / 4 << 4;
        var withOptions = PacketBuilder.Ipv4(
            BinaryPrimitives.ReadUInt32BigEndian(ip.AsSpan(12)),
            BinaryPrimitives.ReadUInt32BigEndian(ip.AsSpan(16)),
            IpProtocol.Tcp,
            [.. tcpHeader, .. options],
            withChecksum: true);

        TcpSequenceRewriter.Apply(withOptions.AsSpan(34), new SequenceOffsetTracker(), serverToClient);

        Assert.Equal(6000u, BinaryPrimitives.ReadUInt32BigEndian(withOptions.AsSpan(34 + 8)));
        Assert.Equal(6100u, BinaryPrimitives.ReadUInt32BigEndian(withOptions.AsSpan(34 + 20 + position + 2)));
        Assert.Equal(6200u, BinaryPrimitives.ReadUInt32BigEndian(withOptions.AsSpan(34 + 20 + position + 6)));
        Assert.True(PacketBuilder.ChecksumsValid(withOptions));
    }
}
