using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Ftp;

/// <summary>
/// The real FTP captures of the shared corpus through the FTP ALG: the client of the first control connection stands
/// inside (its own address, PAT to 203.0.113.1), the server outside. What leaves must have valid IP and TCP checksums
/// (tshark as the judge: a rewritten PORT changes lengths, checksums and, RFC 2663 §7.1, every later SEQ/ACK), and the
/// interpreter and the compiled engine, each replaying alone, must send the same bytes.
/// </summary>
public sealed class FtpCorpusTests
{
    private static readonly uint LoopbackServer = Ip.V4("203.0.113.99");

    public static TheoryData<string> FtpCaptures() => new()
    {
        "zeek_zeek__ftp__ipv4.pcap",
        "zeek_zeek__ftp__ipv6.pcap",
        "zeek_zeek__ftp-auth-tls.pcap",
        "zeek_zeek__fake-long-commands.pcap",
        "ntop_nDPI__ftp.pcap",
        "OISF_suricata-verify__ftp-download-active__input.pcap",
        "OISF_suricata-verify__ftp-download-passive__input.pcap",
        "OISF_suricata-verify__ftp-epsv__input.pcap",
        "OISF_suricata-verify__ftp-upload-passive__input.pcap",
    };

    [RequiresTsharkTheory]
    [MemberData(nameof(FtpCaptures))]
    public void Corpus_ftp_leaves_with_valid_checksums_and_the_same_bytes_from_both_engines(string file)
    {
        var (interpreted, interpreterGateway) = Replay(file, FtpEngine.Interpreter);
        var (compiled, _) = Replay(file, FtpEngine.Compiled);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        Assert.Equal(0, interpreterGateway.Counters.Failures);
        var output = Path.Combine(Path.GetTempPath(), $"alg-ftp-corpus-{Environment.ProcessId}-{file}");
        try
        {
            using (var writer = PcapWriter.Create(output, LinkType.Ethernet, TimestampPrecision.Microseconds))
            {
                var time = 0L;
                foreach (var frame in interpreted)
                {
                    writer.Write(time += 1_000_000, frame, frame.Length);
                }
            }

            var bad = Tshark.Run(
                "-r", output,
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-Y", "ip.checksum.status == 2 or tcp.checksum.status == 2",
                "-T", "fields", "-e", "frame.number");
            Assert.True(string.IsNullOrWhiteSpace(bad), $"{file}: frames with bad checksums after the FTP ALG: {bad}");
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The active-mode capture: the client's PORT is rewritten to the public address and the server's data
    /// connection comes in through the pinhole it opened.</summary>
    [Fact]
    public void Corpus_active_download_rewrites_the_port_command_and_lets_the_data_connection_in()
    {
        var (forwarded, gateway) = Replay("OISF_suricata-verify__ftp-download-active__input.pcap", FtpEngine.Both);

        Assert.True(gateway.Counters.RewritesApplied > 0);
        Assert.True(gateway.Counters.PinholesOpened > 0);
        Assert.Contains(forwarded, frame => System.Text.Encoding.ASCII.GetString(frame).Contains("PORT 203,0,113,1,", StringComparison.Ordinal));
    }

    private static (List<byte[]> Forwarded, FtpHarness Gateway) Replay(string file, FtpEngine engine)
    {
        var gateway = new FtpHarness(false, default, engine);
        var forwarded = new List<byte[]>();
        var mapped = new Dictionary<ushort, (uint, ushort)>();
        uint client = 0;
        uint server = 0;
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info))
            {
                continue;
            }

            var frame = Ethernet(record.Data, in info);
            if (info.IpVersion != 4)
            {
                // The runtime translates IPv4 only: IPv6 FTP passes untouched, and must leave as it came.
                var passed = gateway.Send(frame, IngressSide.Inside);
                Assert.True(frame.AsSpan().SequenceEqual(passed.Frame), $"{file}: an IPv6 packet was changed");
                forwarded.Add(passed.Frame);
                continue;
            }

            if (info.Protocol != IpProtocol.Tcp)
            {
                continue;
            }

            if (client == 0 && info.DestinationPort == 21)
            {
                client = info.SourceAddress;
                server = info.DestinationAddress;
            }

            if (client == 0)
            {
                continue;
            }

            var loopback = client == server;
            bool fromClient;
            if (loopback)
            {
                // Both ends on 127.0.0.1 (zeek's AUTH TLS capture): only the control connection can be told apart.
                if (info.SourcePort != 21 && info.DestinationPort != 21)
                {
                    continue;
                }

                fromClient = info.DestinationPort == 21;
            }
            else if (info.SourceAddress == client && info.DestinationAddress == server)
            {
                fromClient = true;
            }
            else if (info.SourceAddress == server && info.DestinationAddress == client)
            {
                fromClient = false;
            }
            else
            {
                continue;
            }

            PacketDecoder.Decode(frame, LinkType.Ethernet, out var framed);
            SentPacket sent;
            if (fromClient)
            {
                if (loopback)
                {
                    PacketRewriter.RewriteIpv4(frame, ref framed, FtpHarness.Client, framed.SourcePort, LoopbackServer, framed.DestinationPort);
                }

                sent = gateway.Send(frame, IngressSide.Inside);
                if (sent.Forwarded)
                {
                    mapped[framed.SourcePort] = (sent.Info.SourceAddress, sent.Info.SourcePort);
                }
            }
            else
            {
                // Addressed to the client's mapping, as the server saw it; a data port the ALG announced keeps its number.
                var target = mapped.TryGetValue(framed.DestinationPort, out var known) ? known : (FtpHarness.Public, framed.DestinationPort);
                PacketRewriter.RewriteIpv4(frame, ref framed, loopback ? LoopbackServer : framed.SourceAddress, framed.SourcePort, target.Item1, target.Item2);
                sent = gateway.Send(frame, IngressSide.Outside);
            }

            if (sent.Forwarded)
            {
                forwarded.Add(sent.Frame);
            }
        }

        return (forwarded, gateway);
    }

    /// <summary>The packet from its IP header on, behind a fresh Ethernet header (corpus link types vary).</summary>
    private static byte[] Ethernet(ReadOnlySpan<byte> captured, in PacketInfo info)
    {
        var ip = captured[info.NetworkOffset..info.PacketEnd];
        var frame = new byte[14 + ip.Length];
        frame[12] = info.IpVersion == 4 ? (byte)0x08 : (byte)0x86;
        frame[13] = info.IpVersion == 4 ? (byte)0x00 : (byte)0xDD;
        ip.CopyTo(frame.AsSpan(14));
        return frame;
    }
}
