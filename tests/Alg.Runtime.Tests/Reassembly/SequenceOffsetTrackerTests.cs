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
}
