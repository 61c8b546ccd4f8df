using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Nat;

/// <summary>Every corpus capture through a PAT-everything engine: nothing throws, and checksums that were right stay right.</summary>
public sealed class CorpusReplayTests
{
    public static TheoryData<string> CorpusFiles => Corpus.Files();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Replaying_a_corpus_capture_through_pat_keeps_checksums_valid(string file)
    {
        var everything = TestPolicies.PatOnInterface() with { RealAddresses = ImmutableArray<AddressRange>.Empty };
        var engine = TestEngines.Nat(TestPolicies.Policy([everything]), new NatEngineOptions(FlowCapacity: 8192, MappingCapacity: 8192));
        var buffer = new byte[70_000];
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        var translated = 0;
        while (reader.TryRead(out var record))
        {
            record.Data.CopyTo(buffer);
            var packet = new PacketBuffer(buffer, 0, record.Data.Length, buffer.Length);
            PacketDecoder.Decode(packet.Span, record.LinkType, out var info);
            var checkable = !info.IsDropped && info.IpVersion == 4 && (info.Flags & PacketFlags.Fragment) == 0
                && info.Protocol is IpProtocol.Tcp or IpProtocol.Udp && record.LinkType == LinkType.Ethernet && (info.Flags & PacketFlags.Vlan) == 0
                && PacketBuilder.ChecksumsValid(packet.Span[..info.PacketEnd]);
            var verdict = engine.Process(ref packet, ref info, record.TimestampNanoseconds);
            if (verdict.Action == NatAction.Forward && checkable)
            {
                Assert.True(PacketBuilder.ChecksumsValid(packet.Span[..info.PacketEnd]), $"{file} record {record.Number}: checksum broken by translation");
                translated++;
            }
        }

        Assert.True(engine.Drops[DropReason.FlowTableFull] == 0, "8192 flows is plenty for any corpus file");
    }

    [Fact]
    public void Sctp_corpus_checksums_verify_as_crc32c_RFC9260_6_8()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("zeek_zeek__communityid__sctp.pcap"));
        var checkedPackets = 0;
        while (reader.TryRead(out var record))
        {
            if (PacketDecoder.Decode(record.Data, record.LinkType, out var info) && info.Protocol == IpProtocol.Sctp)
            {
                Assert.True(PacketRewriter.SctpChecksumValid(record.Data[info.TransportOffset..info.PacketEnd]), $"record {record.Number}");
                checkedPackets++;
            }
        }

        Assert.Equal(74, checkedPackets);
    }

    [Fact]
    public void Sctp_port_translation_recomputes_the_crc32c()
    {
        using var reader = CaptureReader.Open(Corpus.FilePath("zeek_zeek__communityid__sctp.pcap"));
        Assert.True(reader.TryRead(out var record));
        var frame = record.Data.ToArray();
        PacketDecoder.Decode(frame, record.LinkType, out var info);
        PacketRewriter.RewriteIpv4(frame, ref info, Ip.V4("203.0.113.1"), 40123, info.DestinationAddress, info.DestinationPort);
        Assert.True(PacketRewriter.SctpChecksumValid(frame.AsSpan(info.TransportOffset, info.PacketEnd - info.TransportOffset)));
        Assert.Equal(40123, info.SourcePort);
    }
}
