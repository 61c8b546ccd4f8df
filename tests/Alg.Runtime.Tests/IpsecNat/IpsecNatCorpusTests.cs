using Alg.Policy.Algs;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.IpsecNat;

/// <summary>
/// The ESP and IKE captures of the shared corpus (nDPI: raw ESP with ISAKMP on 500; suricata-verify: raw ESP; tcpdump:
/// ESP in UDP 4500 and IKE on 4500) through the IPsec-NAT ALG with SPI matching, the first sender inside behind PAT: the
/// interpreter and the compiled engine each replaying alone send the same bytes, and nothing inside IKE or ESP changes
/// (RFC 3948 §1: above IP, each packet leaves as it came).
/// </summary>
public sealed class IpsecNatCorpusTests
{
    public static TheoryData<string> Captures() => new()
    {
        "ntop_nDPI__esp.pcapng",
        "OISF_suricata-verify__eve-flow-esp__input.pcap",
        "the-tcpdump-group_tcpdump__espudp1.pcap",
        "the-tcpdump-group_tcpdump__isakmp4500.pcap",
    };

    private static AlgHarness Gateway(FtpEngine engine) =>
        new("ipsec-nat", 500, AlgPolicies.PatEverythingStrict(), default, engine, ("spi-match", AlgOptionValue.FromBoolean(true)));

    [Theory]
    [MemberData(nameof(Captures))]
    public void Corpus_ipsec_leaves_unchanged_above_ip_and_the_same_from_both_engines(string file)
    {
        var interpreterGateway = Gateway(FtpEngine.Interpreter);
        var (interpreted, inputs) = Replay(interpreterGateway, file);
        var (compiled, _) = Replay(Gateway(FtpEngine.Compiled), file);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].Frame.AsSpan().SequenceEqual(compiled[i].Frame), $"{file}: frame {i} differs between the engines");
            var sent = interpreted[i];
            PacketDecoder.Decode(sent.Frame, LinkType.Ethernet, out var info);
            var input = inputs[sent.Input];
            PacketDecoder.Decode(input, LinkType.Ethernet, out var inputInfo);
            Assert.True(input.AsSpan(inputInfo.PayloadOffset, inputInfo.PayloadLength).SequenceEqual(sent.Frame.AsSpan(info.PayloadOffset, info.PayloadLength)), $"{file}: frame {i} changed inside IKE or ESP");
            Assert.True(PacketBuilder.ChecksumsValid(sent.Frame));
        }

        Assert.Equal(0, interpreterGateway.Counters.Failures);
    }

    /// <summary>The first sender stands inside; the other end's packets come to the public address (and the mapped port
    /// its peer saw); each forwarded frame with the index of the input it came from.</summary>
    private static (List<(byte[] Frame, int Input)> Forwarded, List<byte[]> Inputs) Replay(AlgHarness gateway, string file)
    {
        var forwarded = new List<(byte[], int)>();
        var inputs = new List<byte[]>();
        var mapped = new Dictionary<ushort, ushort>();
        uint inside = 0;
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info) || info.IpVersion != 4 || (info.Flags & PacketFlags.Fragment) != 0)
            {
                continue;
            }

            var ip = record.Data[info.NetworkOffset..info.PacketEnd];
            var frame = new byte[14 + ip.Length];
            frame[12] = 0x08;
            ip.CopyTo(frame.AsSpan(14));
            PacketDecoder.Decode(frame, LinkType.Ethernet, out var framed);
            inside = inside == 0 ? framed.SourceAddress : inside;
            SentPacket sent;
            if (framed.SourceAddress == inside)
            {
                sent = gateway.Send(frame, IngressSide.Inside);
                if (sent.Forwarded && (framed.Flags & PacketFlags.HasPorts) != 0)
                {
                    mapped[framed.SourcePort] = sent.Info.SourcePort;
                }
            }
            else if (framed.DestinationAddress == inside)
            {
                var port = (framed.Flags & PacketFlags.HasPorts) != 0 && mapped.TryGetValue(framed.DestinationPort, out var known) ? known : framed.DestinationPort;
                PacketRewriter.RewriteIpv4(frame, ref framed, framed.SourceAddress, framed.SourcePort, AlgHarness.Public, port);
                sent = gateway.Send(frame, IngressSide.Outside);
            }
            else
            {
                continue;
            }

            inputs.Add(frame);
            if (sent.Forwarded)
            {
                forwarded.Add((sent.Frame, inputs.Count - 1));
            }
        }

        return (forwarded, inputs);
    }
}
