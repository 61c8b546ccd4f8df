using System.Collections.Immutable;
using System.Text;
using Alg.Policy.Algs;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs;
using Alg.StdlibAlgs.Sip;

namespace Alg.Runtime.Tests.Sip;

/// <summary>
/// The real SIP captures of the shared corpus through the SIP ALG: the host that sends the first SIP request stands
/// inside, everything it talks to outside. What leaves must have valid checksums (tshark as the judge) and every SIP
/// message a Content-Length equal to its body (RFC 3261 §18.3); SIP carried in SCTP (RFC 4168) passes untouched.
/// </summary>
public sealed class SipCorpusTests
{
    private static readonly ImmutableArray<AlgPort> SipPorts = [AlgPort.Udp(5060), AlgPort.Udp(5061), AlgPort.Tcp(5060)];

    public static TheoryData<string> SipCaptures() => new()
    {
        "OISF_suricata-verify__sdp.pcap",
        "ntop_nDPI__FAX-Call-t38-CA-TDM-SIP-FB-1.pcap",
        "ntop_nDPI__sip.pcap",
        "sipcapture_heplify__rtp_rtcp_sip_ipv4_udp.pcap",
        "sipcapture_heplify__sip_ipv4_tcp.pcap",
        "sipcapture_heplify__sip_sctp.pcap",
    };

    [RequiresTsharkTheory]
    [MemberData(nameof(SipCaptures))]
    public void Corpus_sip_leaves_with_valid_checksums_and_content_length_equal_to_the_body(string file)
    {
        var (gateway, inputs, forwarded) = Replay(file);
        Assert.NotEmpty(forwarded);

        var output = Path.Combine(Path.GetTempPath(), $"alg-sip-corpus-{Environment.ProcessId}-{file}.pcap");
        try
        {
            using (var writer = PcapWriter.Create(output, LinkType.Ethernet, TimestampPrecision.Microseconds))
            {
                var time = 0L;
                foreach (var frame in forwarded)
                {
                    writer.Write(time += 1_000_000, frame, frame.Length);
                }
            }

            var bad = Tshark.Run(
                "-r", output,
                "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-Y", "ip.checksum.status == 2 or udp.checksum.status == 2 or tcp.checksum.status == 2",
                "-T", "fields", "-e", "frame.number");
            Assert.True(string.IsNullOrWhiteSpace(bad), $"{file}: frames with bad checksums after the SIP ALG: {bad}");
        }
        finally
        {
            File.Delete(output);
        }

        var messages = 0;
        var streams = new Dictionary<(uint, ushort, uint, ushort), List<byte>>();
        for (var i = 0; i < forwarded.Count; i++)
        {
            var frame = forwarded[i];
            PacketDecoder.Decode(frame, LinkType.Ethernet, out var info);
            var payload = frame.AsSpan(info.PayloadOffset, info.PayloadLength);
            if (info.Protocol == IpProtocol.Udp && !payload.IsEmpty)
            {
                // Over UDP the body is Content-Length bytes and what follows is not part of the message (§18.3): the
                // body must end where the sender's did, the bytes after it left as they were.
                if (TrailingBytes(payload) is { } after)
                {
                    PacketDecoder.Decode(inputs[i], LinkType.Ethernet, out var sentInfo);
                    Assert.Equal(TrailingBytes(inputs[i].AsSpan(sentInfo.PayloadOffset, sentInfo.PayloadLength)), after);
                    messages++;
                }
            }
            else if (info.Protocol == IpProtocol.Tcp && !payload.IsEmpty)
            {
                var key = (info.SourceAddress, info.SourcePort, info.DestinationAddress, info.DestinationPort);
                if (!streams.TryGetValue(key, out var bytes))
                {
                    streams[key] = bytes = [];
                }

                bytes.AddRange(payload.ToArray());
            }
        }

        foreach (var bytes in streams.Values)
        {
            // On a stream Content-Length frames the body: each message must end exactly where the next start line begins.
            var data = bytes.ToArray().AsSpan();
            var fields = new SipHeaderField[SipMessageParser.MaxHeaders];
            while (!data.IsEmpty && SipMessageParser.Parse(data, stream: true, fields, out var message) == SipParseStatus.Complete)
            {
                messages++;
                data = data[message.End..].TrimStart("\r\n"u8);
                Assert.True(data.IsEmpty || SipMessageParser.Parse(data, stream: true, fields, out _) != SipParseStatus.NotSip, $"{file}: bytes after a message's Content-Length are not a SIP start line");
            }
        }

        if (file.Contains("sctp", StringComparison.Ordinal))
        {
            Assert.Equal(0, gateway.Counters.Inspected);
        }
        else
        {
            Assert.True(messages > 0, $"{file}: no SIP message left the gateway");
            Assert.Equal(0, gateway.Counters.Failures);
        }
    }

    /// <summary>The host of the first SIP request is inside; packets to it are addressed to its mapping, as the far
    /// end saw it; traffic between other hosts is left out.</summary>
    private static string? TrailingBytes(ReadOnlySpan<byte> payload)
    {
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];
        return SipMessageParser.Parse(payload, stream: false, fields, out var message) == SipParseStatus.Complete
            ? Convert.ToHexString(payload[message.End..])
            : null;
    }

    private static (SipHarness Gateway, List<byte[]> Inputs, List<byte[]> Forwarded) Replay(string file)
    {
        var gateway = new SipHarness(SipPorts);
        var inputs = new List<byte[]>();
        var forwarded = new List<byte[]>();
        var mapped = new Dictionary<(uint, ushort, byte), (uint, ushort)>();
        uint inside = 0;
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info) || info.IpVersion != 4)
            {
                continue;
            }

            var payload = record.Data.Slice(info.PayloadOffset, info.PayloadLength);
            if (inside == 0 && (info.Protocol == IpProtocol.Sctp || SipMessageParser.Parse(payload, info.Protocol == IpProtocol.Tcp, new SipHeaderField[SipMessageParser.MaxHeaders], out var first) == SipParseStatus.Complete && first.IsRequest))
            {
                inside = info.SourceAddress;
            }

            if (inside == 0 || (info.SourceAddress != inside && info.DestinationAddress != inside))
            {
                continue;
            }

            var frame = Ethernet(record.Data, in info);
            PacketDecoder.Decode(frame, LinkType.Ethernet, out var framed);
            IngressSide side;
            if (info.SourceAddress == inside)
            {
                side = IngressSide.Inside;
            }
            else
            {
                side = IngressSide.Outside;
                var port = (framed.Flags & PacketFlags.HasPorts) != 0 ? framed.DestinationPort : (ushort)0;
                if (!mapped.TryGetValue((inside, port, framed.Protocol), out var target))
                {
                    continue;
                }

                PacketRewriter.RewriteIpv4(frame, ref framed, framed.SourceAddress, framed.SourcePort, target.Item1, target.Item2);
            }

            var given = frame.ToArray();
            var sent = gateway.Send(frame, record.TimestampNanoseconds, side);
            if (sent.Forwarded)
            {
                inputs.Add(given);
                forwarded.Add(sent.Frame);
                if (side == IngressSide.Inside)
                {
                    var port = (framed.Flags & PacketFlags.HasPorts) != 0 ? framed.SourcePort : (ushort)0;
                    mapped[(inside, port, framed.Protocol)] = (sent.Info.SourceAddress, (sent.Info.Flags & PacketFlags.HasPorts) != 0 ? sent.Info.SourcePort : (ushort)0);
                }

                if (framed.Protocol == IpProtocol.Sctp)
                {
                    Assert.Equal(Encoding.Latin1.GetString(frame.AsSpan(framed.PayloadOffset, framed.PayloadLength)), Encoding.Latin1.GetString(sent.PayloadBytes));
                }
            }
        }

        return (gateway, inputs, forwarded);
    }

    /// <summary>The packet from its IP header on, behind a fresh Ethernet header (corpus link types vary).</summary>
    private static byte[] Ethernet(ReadOnlySpan<byte> captured, in PacketInfo info)
    {
        var ip = captured[info.NetworkOffset..info.PacketEnd];
        var frame = new byte[14 + ip.Length];
        frame[12] = 0x08;
        ip.CopyTo(frame.AsSpan(14));
        return frame;
    }
}
