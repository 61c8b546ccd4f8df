using System.Buffers.Binary;
using Alg.Runtime.Capture;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Capture;

public sealed class CaptureReaderTests
{
    /// <summary>Packet counts as capinfos reports them.</summary>
    private static readonly Dictionary<string, int> ExpectedCounts = new(StringComparer.Ordinal)
    {
        ["OISF_suricata-verify__bug-5133__input.pcap"] = 82,
        ["OISF_suricata-verify__dcerpc-udp-scapy__input.pcap"] = 10,
        ["OISF_suricata-verify__decode-sctp-01__input.pcap"] = 1,
        ["OISF_suricata-verify__eve-flow-esp__input.pcap"] = 8,
        ["OISF_suricata-verify__ftp-download-active__input.pcap"] = 63,
        ["OISF_suricata-verify__ftp-download-passive__input.pcap"] = 63,
        ["OISF_suricata-verify__ftp-epsv__input.pcap"] = 112,
        ["OISF_suricata-verify__ftp-upload-passive__input.pcap"] = 63,
        ["OISF_suricata-verify__nfs3-01__input.pcap"] = 128,
        ["OISF_suricata-verify__sctp-keywords__input.pcap"] = 19,
        ["OISF_suricata-verify__sctp-pkt-too-small__input.pcap"] = 1,
        ["OISF_suricata-verify__sdp.pcap"] = 2,
        ["arkime_arkime__oracle.pcap"] = 6,
        ["ntop_nDPI__FAX-Call-t38-CA-TDM-SIP-FB-1.pcap"] = 1552,
        ["ntop_nDPI__Oscar.pcap"] = 71,
        ["ntop_nDPI__esp.pcapng"] = 6,
        ["ntop_nDPI__ftp.pcap"] = 209,
        ["ntop_nDPI__gre.pcapng"] = 1,
        ["ntop_nDPI__h323-overflow.pcap"] = 1,
        ["ntop_nDPI__h323.pcap"] = 75,
        ["ntop_nDPI__mgcp.pcap"] = 29,
        ["ntop_nDPI__nfsv3.pcap"] = 128,
        ["ntop_nDPI__oracle12.pcapng"] = 20,
        ["ntop_nDPI__pptp.pcap"] = 24,
        ["ntop_nDPI__rtsp.pcap"] = 568,
        ["ntop_nDPI__rtsp_setup_http.pcapng"] = 1,
        ["ntop_nDPI__sctp.cap"] = 4,
        ["ntop_nDPI__sip.pcap"] = 112,
        ["ntop_nDPI__tftp.pcap"] = 109,
        ["sipcapture_heplify__rtp_rtcp_sip_ipv4_udp.pcap"] = 4269,
        ["sipcapture_heplify__sip_ipv4_tcp.pcap"] = 84,
        ["sipcapture_heplify__sip_sctp.pcap"] = 5,
        ["the-tcpdump-group_tcpdump__espudp1.pcap"] = 8,
        ["the-tcpdump-group_tcpdump__gre-heapoverflow-1.pcap"] = 2,
        ["the-tcpdump-group_tcpdump__isakmp4500.pcap"] = 35,
        ["the-tcpdump-group_tcpdump__pptp.pcap"] = 23,
        ["the-tcpdump-group_tcpdump__tftp-heapoverflow.pcap"] = 1,
        ["the-tcpdump-group_tcpdump__tftp.pcap"] = 7,
        ["zeek_zeek__communityid__sctp.pcap"] = 74,
        ["zeek_zeek__fake-long-commands.pcap"] = 40,
        ["zeek_zeek__ftp-auth-tls.pcap"] = 84,
        ["zeek_zeek__ftp__ipv4.pcap"] = 95,
        ["zeek_zeek__ftp__ipv6.pcap"] = 136,
        ["zeek_zeek__gre-pptp.pcap"] = 2,
        ["zeek_zeek__kerberos135_auth.pcapng"] = 17,
        ["zeek_zeek__mapi.pcap"] = 800,
        ["zeek_zeek__mount-unmount.pcap"] = 10,
        ["zeek_zeek__nfs_write.pcap"] = 153,
        ["zeek_zeek__rpc-portmap-sadmind.pcap"] = 28,
    };

    /// <summary>Fuzzer-found or hand-broken captures (corpus MANIFEST) and the decode drops they must give.</summary>
    private static readonly Dictionary<string, DropReason[]> MalformedOnPurpose = new(StringComparer.Ordinal)
    {
        // Frame 2 is an IPv4 header of '0' bytes (0x30: version 3): not IPv4, so it is dropped, not decoded.
        ["the-tcpdump-group_tcpdump__gre-heapoverflow-1.pcap"] = [DropReason.IpTotalLengthExceedsCaptured, DropReason.TruncatedTransportHeader, DropReason.BadIpVersion],
    };

    public static TheoryData<string> CorpusFiles => Corpus.Files();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_capture_reads_to_the_end_and_decodes(string file)
    {
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        var count = 0;
        var drops = new DropCounters();
        while (reader.TryRead(out var record))
        {
            count++;
            Assert.Equal(count, record.Number);
            Assert.True(record.Data.Length <= record.OriginalLength);
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info))
            {
                drops.Increment(info.DropReason);
            }
        }

        Assert.True(ExpectedCounts.TryGetValue(file, out var expected), $"{file} is not in the expected-count table; add it");
        Assert.Equal(expected, count);

        // Snap-length-cut frames (nfsv3 is captured with snaplen 1600) are the only acceptable decode drops,
        // except in the captures made malformed on purpose, which must be dropped for the reason they show.
        var reasons = Enum.GetValues<DropReason>().Where(r => drops[r] > 0).ToList();
        var acceptable = MalformedOnPurpose.GetValueOrDefault(file, [DropReason.IpTotalLengthExceedsCaptured, DropReason.TruncatedTransportHeader]);
        Assert.All(reasons, reason => Assert.Contains(reason, acceptable));
    }

    [Fact]
    public void Big_endian_pcap_reads_with_the_right_timestamps()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("ntop_nDPI__nfsv3.pcap"));
        Assert.Equal(CaptureFormat.Pcap, reader.Format);
        Assert.True(reader.TryRead(out var record));

        // capinfos: first packet 1999-12-03 07:49:57.280000 UTC.
        Assert.Equal(new DateTimeOffset(1999, 12, 3, 7, 49, 57, 280, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000, record.TimestampNanoseconds);
        Assert.Equal(TimestampPrecision.Microseconds, record.Interface.Precision);
    }

    [Fact]
    public void Pcapng_with_nanosecond_resolution_keeps_every_digit()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("ntop_nDPI__oracle12.pcapng"));
        Assert.Equal(CaptureFormat.PcapNg, reader.Format);
        Assert.True(reader.TryRead(out var record));

        // capinfos: 2016-12-09 13:55:50.025382575.
        var seconds = new DateTimeOffset(2016, 12, 9, 13, 55, 50, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal((seconds * 1_000_000_000) + 25_382_575, record.TimestampNanoseconds);
        Assert.Equal(TimestampPrecision.Nanoseconds, record.Interface.Precision);
    }

    [Fact]
    public void Pcapng_with_a_pcap_extension_is_detected_by_its_magic()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("ntop_nDPI__rtsp.pcap"));
        Assert.Equal(CaptureFormat.PcapNg, reader.Format);
        Assert.True(reader.TryRead(out var record));
        Assert.Equal(LinkType.LinuxSll, record.LinkType);
    }

    [Fact]
    public void Truncated_last_record_names_the_record()
    {
        var bytes = File.ReadAllBytes(Corpus.FilePath("OISF_suricata-verify__bug-5133__input.pcap"));
        using var reader = new CaptureReader(new MemoryStream(bytes[..^5]), "cut.pcap");
        var error = Assert.Throws<CaptureFormatException>(() =>
        {
            while (reader.TryRead(out _))
            {
            }
        });

        Assert.Equal(82, error.RecordNumber);
        Assert.Contains("cut.pcap: record 82", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_pcapng_block_names_the_record()
    {
        var bytes = File.ReadAllBytes(Corpus.FilePath("ntop_nDPI__oracle12.pcapng"));
        using var reader = new CaptureReader(new MemoryStream(bytes[..^30]), "cut.pcapng");
        var error = Assert.Throws<CaptureFormatException>(() =>
        {
            while (reader.TryRead(out _))
            {
            }
        });

        Assert.Contains("cut.pcapng: record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_file_is_a_clear_error()
    {
        var error = Assert.Throws<CaptureFormatException>(() => new CaptureReader(new MemoryStream("this is not a capture file"u8.ToArray()), "notes.txt"));
        Assert.Contains("notes.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a pcap or pcapng file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_a_clear_error()
    {
        var error = Assert.Throws<CaptureFormatException>(() => new CaptureReader(new MemoryStream(), "empty.pcap"));
        Assert.Contains("shorter than a capture header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_link_type_is_a_clear_error()
    {
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 147);
        var error = Assert.Throws<CaptureFormatException>(() => new CaptureReader(new MemoryStream(header), "user0.pcap"));
        Assert.Contains("link type 147 is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_record_length_is_an_error_not_an_allocation()
    {
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkType.Ethernet, TimestampPrecision.Microseconds))
        {
            writer.Write(0, new byte[60], 60);
        }

        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24 + 8), 0x7FFFFFF0);
        using var reader = new CaptureReader(new MemoryStream(bytes), "huge.pcap");
        var error = Assert.Throws<CaptureFormatException>(() => reader.TryRead(out _));
        Assert.Contains("record 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TimestampPrecision.Microseconds)]
    [InlineData(TimestampPrecision.Nanoseconds)]
    public void Written_pcap_reads_back_identically(TimestampPrecision precision)
    {
        var stream = new MemoryStream();
        var frames = new List<(long Time, byte[] Data, int Original)>();
        var random = new Random(5);
        using (var writer = new PcapWriter(stream, LinkType.Ethernet, precision))
        {
            for (var i = 0; i < 100; i++)
            {
                var data = new byte[random.Next(14, 300)];
                random.NextBytes(data);
                var time = 1_700_000_000_000_000_000L + (i * 1_234_567_000L) + (precision == TimestampPrecision.Nanoseconds ? i : 0);
                frames.Add((time, data, data.Length + (i % 3)));
                writer.Write(time, data, data.Length + (i % 3));
            }
        }

        using var reader = new CaptureReader(new MemoryStream(stream.ToArray()), "memory");
        foreach (var frame in frames)
        {
            Assert.True(reader.TryRead(out var record));
            Assert.Equal(frame.Time, record.TimestampNanoseconds);
            Assert.Equal(frame.Original, record.OriginalLength);
            Assert.Equal(frame.Data, record.Data.ToArray());
        }

        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Reading_a_large_capture_keeps_memory_flat()
    {
        // 2 million 1000-byte records (about 2 GB) generated on the fly; the reader allocates only its buffer.
        using var reader = new CaptureReader(new SyntheticPcapStream(2_000_000, 1000), "synthetic.pcap");
        reader.TryRead(out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        long count = 1;
        long bytes = 0;
        while (reader.TryRead(out var record))
        {
            count++;
            bytes += record.Data.Length;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2_000_000, count);
        Assert.True(allocated < 64 * 1024, $"reading {bytes} bytes allocated {allocated} bytes");
    }

    [RequiresTsharkTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_then_write_is_identical_for_tshark(string file)
    {
        var original = Corpus.FilePath(file);
        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"alg-roundtrip-{Environment.ProcessId}-{file}.pcap");
        try
        {
            using (var reader = CaptureReader.Open(original))
            {
                // pcapng describes its interfaces in blocks before the packets, so the writer opens on the first record.
                PcapWriter? writer = null;
                while (reader.TryRead(out var record))
                {
                    writer ??= PcapWriter.Create(copy, record.LinkType, record.Interface.Precision);
                    writer.Write(record);
                }

                writer?.Dispose();
            }

            string[] fields = ["-T", "fields", "-e", "frame.number", "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.time_epoch", "-e", "frame.protocols"];
            Assert.Equal(Tshark.Run(["-r", original, .. fields]), Tshark.Run(["-r", copy, .. fields]));
            Assert.Equal(Tshark.Run("-r", original, "-x"), Tshark.Run("-r", copy, "-x"));
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
