using System.Text;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.Mgcp;

namespace Alg.Runtime.Tests.Mgcp;

/// <summary>
/// Mutated and truncated MGCP datagrams (no exception, no drop, no pinhole from a datagram reported malformed; the
/// parser never reads outside its input), and the corpus capture nDPI <c>mgcp.pcap</c> (RQNT/RSIP and 510 errors)
/// replayed through the ALG with the gateway inside, identical on both engines.
/// </summary>
public sealed class MgcpFuzzAndCorpusTests
{
    private static readonly string[] Seeds =
    [
        "CRCX 1204 aaln/1@mg.example.net MGCP 1.0\r\nC: A3C47F21456789F0\r\nM: recvonly\r\n\r\nv=0\r\nc=IN IP4 198.51.100.30\r\nm=audio 4000 RTP/AVP 0\r\n",
        "200 1204 OK\r\nI: FDE234C8\r\n\r\nv=0\r\no=- 1 1 IN IP4 192.168.1.10\r\ns=-\r\nc=IN IP4 192.168.1.10\r\nt=0 0\r\nm=audio 16002 RTP/AVP 0\r\n.\r\n200 1205 OK\r\n",
        "DLCX 1206 aaln/1@mg.example.net MGCP 1.0\r\nC: A3C47F21456789F0\r\n",
        "RSIP 1 aaln/*@mg.example.net MGCP 1.0\r\nRM: restart\r\n",
    ];

    private static ReadOnlySpan<byte> Alphabet => ".:= 0123456789\r\n"u8;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mutated_datagrams_never_throw_drop_or_open_a_pinhole_on_error(int seed)
    {
        var random = new Random(seed);
        var gateway = new AlgHarness("mgcp", 2427, false, default, FtpEngine.Both);
        for (var i = 0; i < 1500; i++)
        {
            var text = Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)]);
            var data = random.Next(4) == 0 ? text : Fuzz.Mutate(random, text, Alphabet);
            var fromGateway = random.Next(2) == 0;
            var malformedBefore = gateway.Counters.Malformed;
            var openedBefore = gateway.Counters.PinholesOpened;
            var sent = fromGateway
                ? gateway.Udp(AlgHarness.Client, 2427, AlgHarness.Server, 2727, IngressSide.Inside, data)
                : gateway.Udp(AlgHarness.Server, 2727, AlgHarness.Public, 2427, IngressSide.Outside, data);
            if (fromGateway)
            {
                Assert.True(sent.Forwarded, $"iteration {i}: dropped {sent.Verdict.Reason}");
                Assert.True(PacketBuilder.ChecksumsValid(sent.Frame), $"iteration {i}: bad checksum");
            }

            if (gateway.Counters.Malformed != malformedBefore)
            {
                Assert.Equal(openedBefore, gateway.Counters.PinholesOpened);
            }
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
        Assert.True(gateway.Counters.PinholesOpened > 10, $"only {gateway.Counters.PinholesOpened} pinholes: the mutations no longer reach the rewriter");
    }

    [Fact]
    public void The_parser_never_reads_outside_its_input()
    {
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            var data = Fuzz.Mutate(random, Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)]), Alphabet);
            data = data[..random.Next(data.Length + 1)];
            var position = 0;
            while (position < data.Length && MgcpMessageParser.TryParse(data, position, out var message, out _))
            {
                Assert.InRange(message.Next, position + 1, data.Length);
                if (message.HasSdp)
                {
                    Assert.InRange(message.SdpStart + message.SdpLength, 0, data.Length);
                }

                Assert.InRange(message.CallIdStart + message.CallIdLength, -1, data.Length);
                position = message.Next;
            }
        }
    }

    [Fact]
    public void Corpus_mgcp_replays_identically_on_both_engines_with_valid_checksums()
    {
        var interpreted = Replay(FtpEngine.Interpreter, out var counters);
        var compiled = Replay(FtpEngine.Compiled, out _);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"frame {i} differs between the engines");
            Assert.True(PacketBuilder.ChecksumsValid(interpreted[i]), $"frame {i}: bad checksum");
        }

        Assert.Equal(0, counters.Failures);
        Assert.True(counters.Inspected > 0);
    }

    /// <summary>Each conversation's first sender stands inside (its datagrams leave from 192.168.1.10 with the same
    /// port); what its peer sends back comes to its mapping.</summary>
    private static List<byte[]> Replay(FtpEngine engine, out Alg.Runtime.Algs.AlgCounters counters)
    {
        var gateway = new AlgHarness("mgcp", 2427, false, default, engine);
        var forwarded = new List<byte[]>();
        var mapped = new Dictionary<(uint, ushort), (uint, ushort)>();
        var insideHosts = new HashSet<uint>();
        using var reader = CaptureReader.Open(Corpus.FilePath("ntop_nDPI__mgcp.pcap"));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info) || info.IpVersion != 4 || info.Protocol != IpProtocol.Udp)
            {
                continue;
            }

            var payload = record.Data.Slice(info.PayloadOffset, info.PayloadLength).ToArray();
            SentPacket sent;
            if (!mapped.ContainsKey((info.SourceAddress, info.SourcePort)) && !insideHosts.Contains(info.DestinationAddress))
            {
                insideHosts.Add(info.SourceAddress);
            }

            if (insideHosts.Contains(info.SourceAddress))
            {
                sent = gateway.Udp(AlgHarness.Client, info.SourcePort, info.DestinationAddress, info.DestinationPort, IngressSide.Inside, payload);
                if (sent.Forwarded)
                {
                    mapped[(info.DestinationAddress, info.DestinationPort)] = (sent.Info.SourceAddress, sent.Info.SourcePort);
                }
            }
            else if (mapped.TryGetValue((info.SourceAddress, info.SourcePort), out var target))
            {
                sent = gateway.Udp(info.SourceAddress, info.SourcePort, target.Item1, target.Item2, IngressSide.Outside, payload);
            }
            else
            {
                continue;
            }

            if (sent.Forwarded)
            {
                forwarded.Add(sent.Frame);
            }
        }

        counters = gateway.Counters;
        return forwarded;
    }
}
