using System.Buffers.Binary;
using Alg.Runtime.Packets;
using Alg.Runtime.Reassembly;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Reassembly;

public sealed class Ipv4FragmentReassemblerTests
{
    private const long Second = 1_000_000_000L;
    private static readonly uint Source = Ip.V4("192.168.1.10");
    private static readonly uint Destination = Ip.V4("198.51.100.7");

    private static byte[] Piece(ReadOnlySpan<byte> payload, int offset, bool more, ushort id = 0x4242) =>
        PacketBuilder.Ipv4(Source, Destination, IpProtocol.Udp, payload, withChecksum: false, identification: id, fragmentField: (ushort)((more ? 0x2000 : 0) | (offset / 8)))[14..];

    private static FragmentOutcome Add(Ipv4FragmentReassembler reassembler, byte[] ip, long now, byte[] output)
    {
        PacketDecoder.Decode(ip, LinkType.RawIpv4, out var info);
        return reassembler.Add(ip, info, now, output);
    }

    private static byte[] Datagram(int length)
    {
        var udp = new byte[length];
        new Random(length).NextBytes(udp);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)length);
        return udp;
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 2, 1, 0 })]
    [InlineData(new[] { 1, 2, 0 })]
    public void Fragments_in_any_order_give_the_original_datagram_RFC791_3_2(int[] order)
    {
        var payload = Datagram(2400);
        var pieces = new[] { Piece(payload.AsSpan(0, 800), 0, true), Piece(payload.AsSpan(800, 800), 800, true), Piece(payload.AsSpan(1600), 1600, false) };
        var reassembler = new Ipv4FragmentReassembler();
        var output = new byte[65535];

        for (var i = 0; i < order.Length - 1; i++)
        {
            Assert.Equal(FragmentStatus.Held, Add(reassembler, pieces[order[i]], Second, output).Status);
        }

        var done = Add(reassembler, pieces[order[^1]], Second, output);
        Assert.Equal(FragmentStatus.Complete, done.Status);
        Assert.Equal(20 + 2400, done.Length);
        Assert.Equal(payload, output.AsSpan(20, 2400).ToArray());
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(output.AsSpan(6)) & 0x3FFF);
        Assert.Equal(0, Alg.Runtime.Checksums.InternetChecksum.Compute(output.AsSpan(0, 20)));
        Assert.Equal(0, reassembler.PendingDatagrams);
        Assert.Equal(0, reassembler.BufferedBytes);
    }

    [Fact]
    public void Overlapping_fragment_discards_the_datagram()
    {
        var payload = Datagram(1600);
        var reassembler = new Ipv4FragmentReassembler();
        var output = new byte[65535];
        Add(reassembler, Piece(payload.AsSpan(0, 800), 0, true), 0, output);
        var overlap = Add(reassembler, Piece(payload.AsSpan(400, 800), 400, true), 0, output);
        Assert.Equal(DropReason.FragmentOverlap, overlap.Reason);
        Assert.Equal(0, reassembler.PendingDatagrams);
    }

    [Fact]
    public void Exact_duplicate_is_ignored()
    {
        var payload = Datagram(1600);
        var reassembler = new Ipv4FragmentReassembler();
        var output = new byte[65535];
        var first = Piece(payload.AsSpan(0, 800), 0, true);
        Add(reassembler, first, 0, output);
        Assert.Equal(FragmentStatus.Held, Add(reassembler, first, 0, output).Status);
        Assert.Equal(FragmentStatus.Complete, Add(reassembler, Piece(payload.AsSpan(800), 800, false), 0, output).Status);
    }

    [Fact]
    public void Incomplete_datagram_times_out()
    {
        var reassembler = new Ipv4FragmentReassembler(new FragmentReassemblyOptions(TimeoutNanoseconds: 30 * Second));
        var output = new byte[65535];
        Add(reassembler, Piece(Datagram(1600).AsSpan(0, 800), 0, true), 0, output);
        Assert.Equal(0, reassembler.ExpireOld(29 * Second));
        Assert.Equal(1, reassembler.ExpireOld(30 * Second));
        Assert.Equal(0, reassembler.BufferedBytes);
    }

    [Fact]
    public void Datagram_count_and_byte_budget_are_bounded()
    {
        var reassembler = new Ipv4FragmentReassembler(new FragmentReassemblyOptions(MaxDatagrams: 2, MaxBufferedBytes: 2000));
        var output = new byte[65535];
        var chunk = Datagram(800);
        Assert.Equal(FragmentStatus.Held, Add(reassembler, Piece(chunk, 0, true, id: 1), 0, output).Status);
        Assert.Equal(FragmentStatus.Held, Add(reassembler, Piece(chunk, 0, true, id: 2), 0, output).Status);
        Assert.Equal(DropReason.FragmentTableFull, Add(reassembler, Piece(chunk, 0, true, id: 3), 0, output).Reason);
        Assert.Equal(DropReason.FragmentBytesExhausted, Add(reassembler, Piece(chunk, 800, true, id: 1), 0, output).Reason);
    }

    [Fact]
    public void Too_many_pieces_is_refused()
    {
        var reassembler = new Ipv4FragmentReassembler(new FragmentReassemblyOptions(MaxFragmentsPerDatagram: 4));
        var output = new byte[65535];
        var eight = new byte[8];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(FragmentStatus.Held, Add(reassembler, Piece(eight, i * 16, true), 0, output).Status);
        }

        Assert.Equal(DropReason.TooManyFragments, Add(reassembler, Piece(eight, 200, true), 0, output).Reason);
    }

    [Fact]
    public void Non_final_fragment_must_be_a_multiple_of_eight()
    {
        var reassembler = new Ipv4FragmentReassembler();
        Assert.Equal(DropReason.BadFragmentLength, Add(reassembler, Piece(new byte[13], 0, true), 0, new byte[65535]).Reason);
    }
}
