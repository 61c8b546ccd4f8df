using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.H323;
using Kind = Alg.StdlibAlgs.H323.H323AddressKind;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// The walks over H.225.0 (H323-MESSAGES), RAS and H.245 (MULTIMEDIA-SYSTEM-CONTROL) find every address on the paths
/// of algs.md §14.4 at the right offsets: the generated vectors (Erlang's aligned-PER encoder) and the bytes of the
/// corpus call quoted in algs.md §4.2.
/// </summary>
public sealed class H323WalkerTests
{
    public static TheoryData<string, string> Expected() => new()
    {
        { "faststart-setup", "DestCallSignalAddress 203.0.113.20:1720|SourceCallSignalAddress 192.168.1.10:1720|MediaControlChannel 192.168.1.10:5001|MediaChannel 192.168.1.10:5000|MediaControlChannel 192.168.1.10:5001" },
        { "faststart-connect", "H245Address 203.0.113.20:1300|MediaControlChannel 203.0.113.20:7001|MediaChannel 203.0.113.20:7000|MediaControlChannel 203.0.113.20:7001" },
        { "tunnel-setup", "DestCallSignalAddress 203.0.113.20:1720|MediaControlChannel 192.168.1.10:5003" },
        { "tunnel-facility-ack", "MediaChannel 192.168.1.10:5002|MediaControlChannel 192.168.1.10:5003" },
        { "slipstream-facility", "AlternativeAddress 192.168.1.99:3389" },
        { "connect-h245-inside", "H245Address 192.168.1.10:1300" },
        { "progress-h245-inside", "H245Address 192.168.1.10:1301|MediaControlChannel 192.168.1.10:5051" },
        { "proceeding-h245-inside", "H245Address 192.168.1.10:1302" },
        { "alerting-h245-inside", "H245Address 192.168.1.10:1304|MediaControlChannel 192.168.1.10:5061" },
        { "facility-h245-inside", "H245Address 192.168.1.10:1303" },
        { "information-faststart", "MediaControlChannel 192.168.1.10:5071" },
        { "ras-lcf", "CallSignalAddress 203.0.113.20:1720|RasAddress 203.0.113.20:1719" },
        { "ras-irr", "RasAddress 192.168.1.10:1719|CallSignalAddress 192.168.1.10:1720" },
        { "ras-grq", "RasAddress 192.168.1.10:1719" },
        { "ras-gcf", "RasAddress 203.0.113.20:1719" },
        { "ras-rrq", "CallSignalAddress 192.168.1.10:1720|RasAddress 192.168.1.10:1719" },
        { "ras-rcf", "CallSignalAddress 203.0.113.20:1720" },
        { "ras-urq", "CallSignalAddress 192.168.1.10:1720" },
        { "ras-arq", "SourceCallSignalAddress 192.168.1.10:1720" },
        { "ras-acf", "DestCallSignalAddress 203.0.113.20:1720" },
        { "ras-lrq", "ReplyAddress 192.168.1.10:1719" },
        { "h245-olc-bidirectional", "MediaControlChannel 192.168.1.10:5011|MediaChannel 192.168.1.10:5020|MediaControlChannel 192.168.1.10:5021" },
        { "h245-olcack-inside", "MediaChannel 192.168.1.10:5030|MediaControlChannel 192.168.1.10:5031" },
        { "h245-olc-t120", "SeparateStack 192.168.1.10:1503" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Every_address_on_the_paths_is_found_algs_14_4(string vector, string expected)
    {
        var bytes = H323Vectors.Get(vector);
        var found = H323Messages.Addresses(bytes, H323Messages.KindOf(vector));
        Assert.Equal(expected, string.Join('|', found.Select(f => $"{f.Kind} {f.Endpoint}")));
    }

    [Theory]
    [MemberData(nameof(AllVectors))]
    public void Every_offset_points_at_the_six_bytes_of_its_address_x691_aligned(string vector)
    {
        var bytes = H323Vectors.Get(vector);
        var findings = new H323Findings();
        Assert.Equal(H323DecodeError.None, H323Messages.Read(bytes, H323Messages.KindOf(vector), findings));
        for (var i = 0; i < findings.Count; i++)
        {
            var field = findings[i];
            if (field.Kind == Kind.ChannelClosed)
            {
                continue;
            }

            Assert.Equal(field.Address, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(field.Offset)));
            Assert.Equal(field.Port, System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(field.Offset + 4)));
        }
    }

    public static TheoryData<string> AllVectors() => H323Vectors.Theory(_ => true);

    /// <summary>H.225.0 TransportAddress ip6Address (alternative 3 of 7, extensible; X.691 §23 for the CHOICE index,
    /// §17 for the fixed 16-octet string, octet-aligned, then the 2-octet port): recorded with its offset like an IPv4
    /// address, flagged IPv6, so the ALGs know every address of a message and say they leave this one.</summary>
    [Fact]
    public void An_ip6_transport_address_is_recorded_with_its_eighteen_octets_x691_aligned()
    {
        byte[] pdu = [0b0011_0000, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a, 0x06, 0xb8];
        var findings = new H323Findings();
        var reader = new Alg.StdlibAlgs.H323.Per.PerReader(pdu);

        Alg.StdlibAlgs.H323.Per.H225Types.ReadTransportAddress(ref reader, findings, Kind.H245Address, record: true);

        Assert.False(reader.Failed);
        Assert.Equal(1, findings.Count);
        var field = findings[0];
        Assert.True(field.Ipv6);
        Assert.Equal((1, (ushort)1720, 0u), (field.Offset, field.Port, field.Address));
        Assert.Equal(H323AddressField.Ipv6Length, pdu.Length - field.Offset);
    }

    [Fact]
    public void Facts_beside_the_addresses_h225_7_and_h245()
    {
        var findings = new H323Findings();
        H323Messages.Read(H323Vectors.Get("slipstream-facility"), H323Messages.Kind.CallSignalling, findings);
        Assert.Equal(1, findings.FacilityReason);

        // startH245 is FacilityReason's second extension alternative (after conferenceListChoice): 4 + 1.
        H323Messages.Read(H323Vectors.Get("facility-h245-inside"), H323Messages.Kind.CallSignalling, findings);
        Assert.Equal(5, findings.FacilityReason);

        H323Messages.Read(H323Vectors.Get("ras-rcf"), H323Messages.Kind.Ras, findings);
        Assert.Equal(120, findings.TimeToLive);

        H323Messages.Read(H323Vectors.Get("tunnel-facility-close"), H323Messages.Kind.CallSignalling, findings);
        Assert.True(findings.EndSession);
        Assert.True(findings.Tunnelled);
        Assert.Equal((Kind.ChannelClosed, (ushort)1), (findings[0].Kind, findings[0].Channel));

        H323Messages.Read(H323Vectors.Get("h245-close"), H323Messages.Kind.H245, findings);
        Assert.Equal((Kind.ChannelClosed, (ushort)3), (findings[0].Kind, findings[0].Channel));
    }

    [Theory]
    [InlineData("h460-rrq")]
    [InlineData("h460-rcf")]
    [InlineData("h460-sci")]
    [InlineData("h460-setup")]
    [InlineData("h460-olc")]
    public void H460_traversal_features_are_recognised_algs_4_6(string vector)
    {
        var findings = new H323Findings();
        Assert.Equal(H323DecodeError.None, H323Messages.Read(H323Vectors.Get(vector), H323Messages.KindOf(vector), findings));
        Assert.True(findings.H460);
    }

    [Theory]
    [InlineData("ras-rrq")]
    [InlineData("ras-sci-other")]
    [InlineData("faststart-setup")]
    [InlineData("tunnel-setup")]
    [InlineData("h245-olc-bidirectional")]
    public void Messages_without_traversal_features_are_not_taken_for_h460(string vector)
    {
        var findings = new H323Findings();
        Assert.Equal(H323DecodeError.None, H323Messages.Read(H323Vectors.Get(vector), H323Messages.KindOf(vector), findings));
        Assert.False(findings.H460);
    }

    [Fact]
    public void The_corpus_connect_and_channel_messages_quoted_in_algs_4_2()
    {
        // Connect (frame 18) of nDPI h323.pcap: h245Address 10.1.6.18:1232.
        var connect = Convert.FromHexString("030000610802f7f40728074d2e4a454d45437e004c0522c0060008914a0003000a01061204d022c0000000000333313069005200f8fdf93ecd9ed6119ab2000476222017170c001100c0fef93ecd9ed6119ab20004762220170100010008800100");
        Assert.Equal([(Kind.H245Address, "10.1.6.18:1232")], H323Messages.Addresses(connect, H323Messages.Kind.CallSignalling));

        var olc = Convert.FromHexString("03000018030000640c201d800b0d0001000a01038f138980");
        Assert.Equal([(Kind.MediaControlChannel, "10.1.3.143:5001")], H323Messages.Addresses(olc, H323Messages.Kind.H245));

        var ack = Convert.FromHexString("0300001e22c0003c0280135c00000a01038f1388000a01038f1389010100");
        Assert.Equal([(Kind.MediaChannel, "10.1.3.143:5000"), (Kind.MediaControlChannel, "10.1.3.143:5001")], H323Messages.Addresses(ack, H323Messages.Kind.H245));
    }

    [Fact]
    public void Q931_information_elements_are_walked_past_any_single_octet_ie_to_user_user_h225_7_2()
    {
        // Setup with Sending Complete (0xA1) and a Shift (0x96) before the Display IE, then User-user.
        var setup = H323Vectors.Get("faststart-setup");
        var body = setup.AsSpan(4).ToArray();
        var withSingles = new byte[body.Length + 2];
        body.AsSpan(0, 5).CopyTo(withSingles);
        withSingles[5] = 0xA1;
        withSingles[6] = 0x96;
        body.AsSpan(5).CopyTo(withSingles.AsSpan(7));
        Assert.Equal(H323DecodeError.None, Q931Parser.TryParse(withSingles, 0, out var message));
        Assert.Equal(0x05, message.MessageType);
        Assert.Equal(11, message.CallReference);
        Assert.Equal(0x05, withSingles[message.UserInformationStart - 1]);
    }

    [Theory]
    [InlineData(new byte[] { 0x09, 0x02, 0x00, 0x01, 0x05 }, H323DecodeError.BadQ931)]                // discriminator not 0x08
    [InlineData(new byte[] { 0x08, 0x05, 0x00, 0x01, 0x05 }, H323DecodeError.BadQ931)]                // call reference of 5 octets
    [InlineData(new byte[] { 0x08, 0x02, 0x00, 0x01, 0x05, 0x28, 0x09, 0x41 }, H323DecodeError.BadQ931)] // IE longer than the message
    [InlineData(new byte[] { 0x08, 0x02, 0x00, 0x01, 0x05, 0x7E, 0x00, 0x09, 0x05 }, H323DecodeError.BadUserUser)]
    [InlineData(new byte[] { 0x08, 0x02, 0x00, 0x01, 0x05, 0x7E, 0x00, 0x01, 0x04 }, H323DecodeError.BadUserUser)]
    public void A_q931_envelope_that_is_not_h225s_is_refused_with_its_reason(byte[] message, H323DecodeError expected)
    {
        Assert.Equal(expected, Q931Parser.TryParse(message, 0, out _));
    }

    [Fact]
    public void Tpkt_headers_rfc1006_6()
    {
        Assert.Equal(TpktStatus.Incomplete, Q931Parser.ReadTpkt([0x03, 0x00], out _));
        Assert.Equal(TpktStatus.Error, Q931Parser.ReadTpkt([0x04], out _));
        Assert.Equal(TpktStatus.Error, Q931Parser.ReadTpkt([0x03, 0x00, 0x00, 0x03], out _));
        Assert.Equal(TpktStatus.Complete, Q931Parser.ReadTpkt([0x03, 0x00, 0x00, 0x04], out var keepAlive));
        Assert.Equal(4, keepAlive);
        Assert.Equal(TpktStatus.Incomplete, Q931Parser.ReadTpkt([0x03, 0x00, 0x00, 0x10, 0x08], out var length));
        Assert.Equal(16, length);
    }

    [Fact]
    public void The_corpus_registration_of_an_h460_18_endpoint_is_recognised()
    {
        // nDPI h323.pcap frame 71: a Tandberg RRQ whose featureSet supports standard 18 (Signalling Traversal).
        using var reader = Alg.Runtime.Capture.CaptureReader.Open(Corpus.FilePath("ntop_nDPI__h323.pcap"));
        var seen = 0;
        var findings = new H323Findings();
        while (reader.TryRead(out var record))
        {
            Alg.Runtime.Packets.PacketDecoder.Decode(record.Data, record.LinkType, out var info);
            if (info.Protocol != Alg.Runtime.Packets.IpProtocol.Udp || info.SourcePort != 1719 || info.DestinationPort != 1719)
            {
                continue;
            }

            var payload = record.Data.Slice(info.PayloadOffset, info.PayloadLength);
            Assert.Equal(H323DecodeError.None, H323Messages.Read(payload, H323Messages.Kind.Ras, findings));
            if (findings.Message == RasBody.RegistrationRequest)
            {
                Assert.True(findings.H460);
                seen++;
            }
        }

        Assert.True(seen > 0);
    }
}
