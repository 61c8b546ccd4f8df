using Alg.StdlibAlgs.H323;
using Alg.StdlibAlgs.H323.Per;

namespace Alg.Runtime.Tests.H323;

/// <summary>The aligned-PER reader against hand-encoded X.691 (08/2015) ALIGNED examples: constrained whole numbers
/// (§10.5.7), normally small numbers (§10.6), length determinants (§10.9), open types (§10.2), extension bitmaps
/// (§19.7–§19.8), CHOICE indices (§23), strings (§17, §30); every read bounds-checked and the error sticky.</summary>
public sealed class PerReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0b1010_0000 }, 0, 7, 5, 3)]        // §10.5.7.1: range 8, a 3-bit field
    [InlineData(new byte[] { 0b1111_1110 }, 0, 254, 254, 8)]    // range 255: 8 bits, not aligned
    [InlineData(new byte[] { 0x2A }, 0, 255, 42, 8)]            // §10.5.7.2: range 256, one aligned octet
    [InlineData(new byte[] { 0x1D }, 1, 256, 30, 8)]            // INTEGER(1..256): the corpus OLC's g711Alaw64k 30
    [InlineData(new byte[] { 0x13, 0x89 }, 0, 65535, 5001, 16)] // §10.5.7.3: two aligned octets (a port)
    [InlineData(new byte[] { 0x00 }, 4, 4, 4, 0)]               // range 1: no bits
    public void Constrained_whole_numbers_take_the_bits_x691_10_5_7(byte[] bytes, long lower, long upper, long expected, int bits)
    {
        var reader = new PerReader(bytes);
        Assert.Equal(expected, reader.ReadConstrained(lower, upper));
        Assert.Equal(bits, reader.BitPosition);
        Assert.False(reader.Failed);
    }

    [Fact]
    public void A_large_range_reads_a_length_then_that_many_octets_x691_10_5_7_4()
    {
        // timeToLive INTEGER(1..4294967295) = 300: 2-bit length (2 octets → 01), aligned, 0x012B (value − 1).
        var reader = new PerReader([0x40, 0x01, 0x2B]);
        Assert.Equal(300, reader.ReadConstrained(1, 4294967295));
        Assert.Equal(24, reader.BitPosition);
    }

    [Fact]
    public void An_aligned_field_after_odd_bits_skips_to_the_octet_boundary_x691_10_1_3()
    {
        var reader = new PerReader([0b1000_0000, 0x07, 0xD0]);
        Assert.True(reader.ReadBit());
        Assert.Equal(2000, reader.ReadConstrained(0, 65535));
        Assert.Equal(24, reader.BitPosition);
    }

    [Theory]
    [InlineData(new byte[] { 0x05 }, 5)]
    [InlineData(new byte[] { 0x7F }, 127)]
    [InlineData(new byte[] { 0x81, 0x00 }, 256)]
    [InlineData(new byte[] { 0xBF, 0xFF }, 16383)]
    public void Length_determinants_of_one_and_two_octets_x691_10_9_3_6(byte[] bytes, int expected)
    {
        var reader = new PerReader(bytes);
        Assert.Equal(expected, reader.ReadLengthDeterminant());
        Assert.False(reader.Failed);
    }

    [Fact]
    public void A_fragmented_length_determinant_is_refused_x691_10_9_3_8()
    {
        var reader = new PerReader([0xC1, 0x00, 0x00]);
        Assert.Equal(0, reader.ReadLengthDeterminant());
        Assert.Equal(H323DecodeError.FragmentedLength, reader.Error);
        Assert.Equal(0, reader.RemainingBits);
    }

    [Fact]
    public void Normally_small_numbers_and_lengths_x691_10_6_and_10_9_3_4()
    {
        var reader = new PerReader([0b0000_1010, 0b0000_0100]);
        Assert.Equal(5, reader.ReadNormallySmall());          // 0 000101
        Assert.Equal(2, reader.ReadNormallySmallLength());    // 0 000001 → n − 1 = 1
        Assert.False(reader.Failed);
    }

    [Fact]
    public void A_choice_index_and_its_extension_alternative_x691_23()
    {
        // RasMessage (25 root alternatives): RRQ starts 0x0E: extension bit 0, index 3 in 5 bits.
        var root = new PerReader([0x0E]);
        Assert.Equal(3, root.ReadChoice(25, true, out var extension));
        Assert.False(extension);

        // H.245 multiplexParameters: extension bit 1, normally small index 0 (h2250LogicalChannelParameters).
        var added = new PerReader([0x80]);
        Assert.Equal(0, added.ReadChoice(3, true, out extension));
        Assert.True(extension);
    }

    [Fact]
    public void Extension_presence_bitmap_and_open_types_with_absolute_offsets_x691_19_7_and_10_2()
    {
        // The corpus OLCAck's extensions: two additions known, the second present; its open type of 3 octets.
        byte[] bytes = [0xFF, 0x02, 0x80, 0x03, 0xAA, 0xBB, 0xCC, 0xEE];
        var reader = new PerReader(bytes, 1, 6);
        var present = reader.ReadExtensionPresence(out var count);
        Assert.Equal(2, count);
        Assert.Equal(0b10UL, present);
        Assert.True(reader.ReadOpenType(out var start, out var length));
        Assert.Equal((4, 3), (start, length));
        Assert.Equal(0, reader.RemainingBits);
    }

    [Fact]
    public void An_open_type_longer_than_the_pdu_is_truncation_not_a_read_past_the_end()
    {
        var reader = new PerReader([0x05, 0x01, 0x02], 0, 3);
        Assert.False(reader.ReadOpenType(out _, out _));
        Assert.Equal(H323DecodeError.Truncated, reader.Error);
    }

    [Fact]
    public void A_sub_reader_never_reads_beyond_its_own_bounds_even_inside_a_larger_span()
    {
        byte[] bytes = [0x00, 0x05, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06];
        var reader = new PerReader(bytes, 1, 2);
        reader.SkipOctetString(0, -1, out _);
        Assert.Equal(H323DecodeError.Truncated, reader.Error);
    }

    [Fact]
    public void Errors_are_sticky_and_reads_after_them_return_zero()
    {
        var reader = new PerReader([0xFF]);
        Assert.Equal(0u, reader.ReadBits(9));
        Assert.True(reader.Failed);
        Assert.Equal(0u, reader.ReadBits(1));
        Assert.Equal(0, reader.ReadLengthDeterminant());
        Assert.Equal(H323DecodeError.Truncated, reader.Error);
    }

    [Fact]
    public void Octet_strings_fixed_up_to_two_octets_are_unaligned_longer_ones_aligned_x691_17()
    {
        var reader = new PerReader([0b1000_0000, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC]);
        reader.ReadBit();
        var start = reader.SkipOctetString(2, 2, out var length);
        Assert.Equal((0, 2, 17), (start, length, reader.BitPosition));
        var ip = reader.SkipOctetString(4, 4, out _);
        Assert.Equal((3, 56), (ip, reader.BitPosition));
    }

    [Fact]
    public void Restricted_strings_are_skipped_by_their_characters_width_x691_30()
    {
        // dialedDigits "1234": 7-bit length (4 − 1 = 3), aligned, 4 bits a character; then a BMPString(1..256) "ab":
        // length in one aligned octet, 16 bits a character.
        var reader = new PerReader([0b0000_0110, 0x12, 0x34, 0x01, 0x00, 0x61, 0x00, 0x62]);
        reader.SkipCharacterString(1, 128, 4);
        Assert.Equal(24, reader.BitPosition);
        reader.SkipCharacterString(1, 256, 16);
        Assert.Equal(64, reader.BitPosition);
        Assert.False(reader.Failed);
    }

    [Fact]
    public void A_reader_made_for_bounds_outside_the_span_fails_at_once()
    {
        var reader = new PerReader([1, 2, 3], 2, 5);
        Assert.True(reader.Failed);
        Assert.Equal(0, reader.RemainingBits);
    }
}
