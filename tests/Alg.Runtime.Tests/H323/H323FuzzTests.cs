using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.H323;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// The decoder and the ALGs against broken input (algs.md §4.4, §14.5: Linux's PER decoder CVEs were unchecked
/// lengths): every generated and corpus PDU truncated at every byte and bit and with every byte set to the extreme
/// length-determinant forms, decoded from exact-size arrays (a read past the PDU would throw): no exception, no
/// offset outside the PDU; mutated and re-segmented messages through the gateway: never a failure or a drop, and no
/// pinhole from a message reported malformed. The corpus h323-overflow input included.
/// </summary>
public sealed class H323FuzzTests
{
    private static readonly byte[] Extremes = [0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xFF];

    /// <summary>Every PDU to fuzz: the generated vectors and the corpus payloads (call signalling, H.245, RAS, and the
    /// 4-byte h323-overflow input).</summary>
    private static IEnumerable<(string Name, H323Messages.Kind Kind, byte[] Bytes)> Pdus()
    {
        foreach (var name in H323Vectors.Names)
        {
            yield return (name, H323Messages.KindOf(name), H323Vectors.Get(name));
        }

        foreach (var file in new[] { "ntop_nDPI__h323.pcap", "ntop_nDPI__h323-overflow.pcap" })
        {
            var index = 0;
            foreach (var (protocol, source, destination, payload) in H323CorpusReplay.Payloads(file))
            {
                var kind = protocol == IpProtocol.Udp ? H323Messages.Kind.Ras
                    : source == 1232 || destination == 1232 ? H323Messages.Kind.H245 : H323Messages.Kind.CallSignalling;
                yield return ($"{file}#{index++}", kind, payload);
            }
        }
    }

    [Fact]
    public void Every_pdu_truncated_at_every_byte_and_bit_decodes_without_exception_or_read_past_its_end()
    {
        var findings = new H323Findings();
        var runs = 0;
        foreach (var (name, kind, bytes) in Pdus())
        {
            for (var length = 0; length <= bytes.Length; length++)
            {
                for (var bits = 0; bits < (length == 0 ? 1 : 8); bits++)
                {
                    var cut = bytes[..length];
                    if (length > 0)
                    {
                        cut[^1] &= (byte)(0xFF << bits);
                    }

                    Decode(name, kind, cut, findings);
                    runs++;
                }
            }
        }

        Assert.True(runs > 40_000, $"only {runs} truncations");
    }

    [Fact]
    public void Every_byte_set_to_the_extreme_length_forms_decodes_without_exception_or_read_past_its_end()
    {
        var findings = new H323Findings();
        foreach (var (name, kind, bytes) in Pdus())
        {
            for (var at = 0; at < bytes.Length; at++)
            {
                foreach (var value in Extremes)
                {
                    var changed = (byte[])bytes.Clone();
                    changed[at] = value;
                    Decode(name, kind, changed, findings);
                }
            }
        }
    }

    /// <summary>Decodes the whole message and, for call signalling, also its PER alone cut anywhere (the TPKT and
    /// Q.931 envelope stay consistent, so the walk itself meets the end).</summary>
    private static void Decode(string name, H323Messages.Kind kind, byte[] bytes, H323Findings findings)
    {
        H323Messages.Read(bytes, kind, findings);
        AssertInside(name, bytes.Length, findings);

        if (kind == H323Messages.Kind.CallSignalling && bytes.Length > 4 && Q931Parser.TryParse(bytes.AsSpan(4), 4, out var message) == H323DecodeError.None && message.UserInformationStart >= 0)
        {
            var end = Math.Min(bytes.Length, message.UserInformationStart + message.UserInformationLength);
            var per = bytes[message.UserInformationStart..end];
            findings.Reset();
            var reader = new Alg.StdlibAlgs.H323.Per.PerReader(per);
            Alg.StdlibAlgs.H323.Per.H225Walker.ReadUserInformation(ref reader, findings);
            AssertInside(name, per.Length, findings);
        }
    }

    private static void AssertInside(string name, int length, H323Findings findings)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var field = findings[i];
            if (field.Kind != H323AddressKind.ChannelClosed)
            {
                Assert.True(field.Offset >= 0 && field.Offset + H323AddressField.Length <= length, $"{name}: an address at {field.Offset} outside {length} bytes");
            }
        }
    }

    private static ReadOnlySpan<byte> Alphabet => [0x00, 0x03, 0x04, 0x05, 0x08, 0x7E, 0x7F, 0x80, 0xBF, 0xC0, 0xFF, 0xC0, 0xA8, 0x01, 0x0A];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_call_signalling_and_h245_never_throw_drop_or_open_a_pinhole_on_error(int seed)
    {
        var random = new Random(seed);
        var gateway = H323Gateway.Create();
        var signalling = H323Vectors.Names.Where(n => H323Messages.KindOf(n) == H323Messages.Kind.CallSignalling).ToArray();
        var h245Messages = H323Vectors.Names.Where(n => H323Messages.KindOf(n) == H323Messages.Kind.H245).ToArray();
        for (var i = 0; i < 150; i++)
        {
            var call = H323Gateway.Call(gateway, clientPort: (ushort)(20000 + i));
            var original = H323Vectors.Get(signalling[random.Next(signalling.Length)]);
            var stream = random.Next(4) == 0 ? original : Fuzz.Mutate(random, original, Alphabet, headerBytes: 24);
            Fuzz.SendSegmented(random, stream, segment => call.Send(segment), gateway.Counters, i);

            // An H.245 connection the callee's h245Address opens, then mutated H.245.
            call.Answer(H323Vectors.Get("faststart-connect"));
            var h245 = new ControlConnection(gateway, clientPort: (ushort)(30000 + i), serverPort: 1300);
            h245.Connect();
            var message = H323Vectors.Get(h245Messages[random.Next(h245Messages.Length)]);
            Fuzz.SendSegmented(random, random.Next(4) == 0 ? message : Fuzz.Mutate(random, message, Alphabet, headerBytes: 16), segment => h245.Send(segment), gateway.Counters("h323-h245"), i);
        }

        foreach (var alg in H323Gateway.Algs)
        {
            Assert.Equal(0, gateway.Counters(alg).Failures);
            Assert.Equal(0, gateway.Counters(alg).PolicyDrops);
        }

        Assert.True(gateway.Counters.PinholesOpened > 10, $"only {gateway.Counters.PinholesOpened} pinholes: the mutations no longer reach the translator");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Mutated_ras_datagrams_never_throw_drop_or_open_a_pinhole_on_error(int seed)
    {
        var random = new Random(seed);
        var gateway = H323Gateway.Create();
        var ras = H323Vectors.Names.Where(H323Vectors.IsRas).ToArray();
        var counters = gateway.Counters("h323-ras");
        for (var i = 0; i < 400; i++)
        {
            var datagram = Fuzz.Mutate(random, H323Vectors.Get(ras[random.Next(ras.Length)]), Alphabet, headerBytes: 16);
            var malformed = counters.Malformed;
            var opened = counters.PinholesOpened;
            var sent = gateway.Udp(AlgHarness.Client, (ushort)(10000 + i), AlgHarness.Server, 1719, IngressSide.Inside, datagram);
            Assert.True(sent.Forwarded);
            Assert.True(PacketBuilder.ChecksumsValid(sent.Frame));
            if (counters.Malformed != malformed)
            {
                Assert.Equal(opened, counters.PinholesOpened);
                Assert.Equal(datagram, sent.PayloadBytes);
            }
        }

        Assert.Equal(0, counters.Failures);
    }

    [Fact]
    public void The_corpus_overflow_input_on_the_call_signalling_port_is_refused_without_harm()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        foreach (var (_, _, _, payload) in H323CorpusReplay.Payloads("ntop_nDPI__h323-overflow.pcap"))
        {
            var sent = call.Send(payload);
            Assert.True(sent.Forwarded);
            Assert.Equal(payload, sent.PayloadBytes);
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }
}
