using System.Text;
using Alg.Runtime.Packets;
using Alg.Runtime.Reassembly;

namespace Alg.Runtime.Tests.Reassembly;

public sealed class TcpStreamReassemblerTests
{
    private static string Text(TcpStreamReassembler stream) => Encoding.ASCII.GetString(stream.Readable);

    [Fact]
    public void In_order_segments_read_as_one_stream()
    {
        var stream = new TcpStreamReassembler(1024);
        stream.Initialize(1001);
        Assert.Equal(StreamSegmentStatus.InOrder, stream.Accept(1001, "INVITE "u8).Status);
        Assert.Equal(StreamSegmentStatus.InOrder, stream.Accept(1008, "sip:bob"u8).Status);
        Assert.Equal("INVITE sip:bob", Text(stream));
    }

    [Fact]
    public void Out_of_order_segment_waits_for_the_gap()
    {
        var stream = new TcpStreamReassembler(1024);
        stream.Initialize(1);
        Assert.Equal(StreamSegmentStatus.OutOfOrder, stream.Accept(6, "world"u8).Status);
        Assert.Equal(0, stream.ReadableLength);
        Assert.Equal(StreamSegmentStatus.InOrder, stream.Accept(1, "hello"u8).Status);
        Assert.Equal("helloworld", Text(stream));
    }

    [Fact]
    public void Retransmissions_and_overlaps_keep_the_first_copy()
    {
        var stream = new TcpStreamReassembler(1024);
        stream.Initialize(100);
        stream.Accept(100, "abcdef"u8);
        var duplicate = stream.Accept(100, "abcdef"u8);
        Assert.Equal(StreamSegmentStatus.Duplicate, duplicate.Status);

        // Overlap with different bytes: the new tail is taken, the overlapping part is not replaced.
        var overlap = stream.Accept(103, "XYZghi"u8);
        Assert.Equal(3, overlap.NewBytes);
        Assert.Equal(3, overlap.Conflicting);
        Assert.Equal("abcdefghi", Text(stream));
    }

    [Fact]
    public void Consumed_bytes_retransmitted_are_duplicates_and_partial_old_segments_keep_the_new_part()
    {
        var stream = new TcpStreamReassembler(1024);
        stream.Initialize(0);
        stream.Accept(0, "REGISTER "u8);
        stream.Consume(9);
        Assert.Equal(StreamSegmentStatus.Duplicate, stream.Accept(0, "REGISTER "u8).Status);
        Assert.Equal(StreamSegmentStatus.InOrder, stream.Accept(5, "TER sip:x"u8).Status);
        Assert.Equal("sip:x", Text(stream));
        Assert.Equal(9u, stream.NextSequence);
    }

    [Fact]
    public void Sequence_numbers_wrap_modulo_2_32_RFC9293_3_4()
    {
        var stream = new TcpStreamReassembler(1024);
        stream.Initialize(uint.MaxValue - 2);
        stream.Accept(uint.MaxValue - 2, "abc"u8);
        stream.Accept(0, "def"u8);
        Assert.Equal("abcdef", Text(stream));
    }

    [Fact]
    public void Beyond_the_window_is_dropped_with_a_reason()
    {
        var stream = new TcpStreamReassembler(16);
        stream.Initialize(0);
        Assert.Equal(DropReason.StreamOutOfWindow, stream.Accept(16, "x"u8).Reason);
        Assert.Equal(DropReason.StreamBytesExhausted, stream.Accept(10, "0123456789"u8).Reason);
        Assert.Equal(0, stream.BufferedBytes);
    }

    [Fact]
    public void Shared_budget_bounds_all_streams_together()
    {
        var budget = new ReassemblyBudget(10);
        var first = new TcpStreamReassembler(1024, budget);
        var second = new TcpStreamReassembler(1024, budget);
        first.Initialize(0);
        second.Initialize(0);
        Assert.Equal(StreamSegmentStatus.InOrder, first.Accept(0, "12345678"u8).Status);
        Assert.Equal(DropReason.StreamBytesExhausted, second.Accept(0, "abcdef"u8).Reason);
        first.Consume(8);
        Assert.Equal(StreamSegmentStatus.InOrder, second.Accept(0, "abcdef"u8).Status);
        Assert.Equal(6, budget.UsedBytes);
    }

    [Fact]
    public void Too_many_gaps_are_refused()
    {
        var stream = new TcpStreamReassembler(4096);
        stream.Initialize(0);
        for (var i = 0; i < TcpStreamReassembler.MaxRanges; i++)
        {
            Assert.Equal(StreamSegmentStatus.OutOfOrder, stream.Accept((uint)(10 + (i * 10)), "x"u8).Status);
        }

        Assert.Equal(DropReason.StreamTooManyGaps, stream.Accept(2000, "y"u8).Reason);

        // Filling the first gap still works and merges.
        Assert.Equal(StreamSegmentStatus.InOrder, stream.Accept(0, "0123456789"u8).Status);
        Assert.Equal(11, stream.ReadableLength);
    }
}
