using System.Buffers.Binary;
using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Alg.StdlibAlgs;
using Xunit.Abstractions;

namespace Alg.Engine.Tests;

/// <summary>
/// The whole walk on both engines: two gateways with the same random policy and the same seeds, one walked by the
/// interpreter and one by the compiled class, get the same random packets — new flows from inside and outside, replies
/// to what they translated, every arrival side — and must give the same verdict, the same bytes and the same state
/// counters for every one. The question-by-question agreement is <see cref="DifferentialEngineTests"/>; this checks the
/// unrolled walk itself (step order, steps left out, NAT actions over constants).
/// </summary>
public sealed class WalkDifferentialTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(11, 3, 6)]
    [InlineData(12, 2, 30)]
    [InlineData(13, 4, 80)]
    [InlineData(14, 1, 3)]
    [InlineData(15, 3, 200)]
    [InlineData(16, 5, 12)]
    public void Interpreter_and_compiled_walk_packets_to_the_same_bytes_and_state(int seed, int acls, int rules)
    {
        var generator = new RandomPolicies(seed);
        var program = PolicyLowerer.Lower(generator.Policy(acls, rules));
        var compiled = PipelineCompiler.Compile(program, $"walk seed {seed}");
        var interpreted = Gateway(new PipelineInterpreter(program));
        var generated = Gateway(compiled.Engine);
        var random = new Random(seed);
        var sent = new List<byte[]>();
        var now = NatTimeouts.Second;
        var forwarded = 0;
        try
        {
            for (var i = 0; i < 4000; i++)
            {
                var frame = random.Next(3) == 0 && sent.Count > 0 ? Reply(sent[random.Next(sent.Count)]) : Frame(Tuple(program, generator, random), random);
                var side = (IngressSide)random.Next(3);
                var (expected, expectedBytes) = Send(interpreted, frame, side, now);
                var (actual, actualBytes) = Send(generated, frame, side, now);
                Assert.Equal(expected, actual);
                Assert.Equal(Convert.ToHexString(expectedBytes), Convert.ToHexString(actualBytes));
                if (expected.Action == NatAction.Forward)
                {
                    forwarded++;
                    sent.Add(expectedBytes);
                }

                now += random.Next(0, 3) * NatTimeouts.Second / 2;
            }

            foreach (var reason in Enum.GetValues<DropReason>())
            {
                Assert.Equal(interpreted.Drops[reason], generated.Drops[reason]);
            }

            Assert.Equal((interpreted.FlowsCreated, interpreted.PacketsTranslated, interpreted.Mappings.Count), (generated.FlowsCreated, generated.PacketsTranslated, generated.Mappings.Count));
            output.WriteLine($"forwarded {forwarded}, translated {interpreted.PacketsTranslated}, flows {interpreted.FlowsCreated}, dropped {interpreted.Drops.Total}: "
                + string.Join(", ", Enum.GetValues<DropReason>().Where(r => interpreted.Drops[r] > 0).Select(r => $"{r} {interpreted.Drops[r]}")));
            Assert.True(forwarded > 200 && interpreted.Drops.Total > 50, $"forwarded {forwarded}, dropped {interpreted.Drops.Total}: the generator is not exercising both outcomes");
        }
        catch
        {
            output.WriteLine(PipelineCompilationException.Numbered(compiled.Source));
            throw;
        }
    }

    private static NatEngine Gateway(IPipelineEngine engine)
    {
        var nat = new NatEngine(new FixedEngineSource(engine), new NatEngineOptions(FlowCapacity: 4096, MappingCapacity: 4096, ExpectationCapacity: 256, RandomSeed: 7));
        nat.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), engine.Program));
        return nat;
    }

    private static (NatVerdict Verdict, byte[] Bytes) Send(NatEngine engine, byte[] frame, IngressSide side, long now)
    {
        var buffer = new byte[2048];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        var verdict = engine.Process(ref packet, LinkType.RawIp, now, side);
        return (verdict, packet.Span.ToArray());
    }

    /// <summary>A new packet: random, or from an inside host (its interface's network or a NAT rule's real addresses) to
    /// anywhere, or from anywhere to the gateway's outside address or a rule's global endpoint.</summary>
    private static PacketTuple Tuple(Alg.Runtime.Pipeline.Ir.PipelineProgram program, RandomPolicies generator, Random random)
    {
        var any = generator.Packet();
        byte[] protocols = [6, 6, 17, 17, 1, 47, 50, 132];
        var protocol = protocols[random.Next(protocols.Length)];
        var rules = program.NatRules;
        switch (random.Next(4))
        {
            case 0:
                return any;
            case 1:
                var inside = rules.Length > 0 && random.Next(2) == 0 && !rules[random.Next(rules.Length)].RealAddresses.IsEmpty
                    ? rules.First(r => !r.RealAddresses.IsEmpty).RealAddresses[0].First.Value + (uint)random.Next(2)
                    : (uint)((10 << 24) | (random.Next(1, 3) << 16) | random.Next(2, 40));
                var port = rules.FirstOrDefault(r => r.Kind == Alg.Policy.Model.NatRuleKind.StaticPort && random.Next(2) == 0)?.RealPortValue ?? (ushort)random.Next(1024, 1100);
                return any with { Source = inside, SourcePort = port, Protocol = protocol };
            default:
                var global = rules.Length > 0 && random.Next(2) == 0 && !rules[random.Next(rules.Length)].Targets.IsEmpty
                    ? rules.First(r => !r.Targets.IsEmpty).Targets[0].First.Value
                    : (10u << 24) | 1;
                var forward = rules.FirstOrDefault(r => r.Kind == Alg.Policy.Model.NatRuleKind.StaticPort && random.Next(2) == 0);
                return any with
                {
                    Destination = global,
                    DestinationPort = forward is null ? (ushort)random.Next(1024, 1100) : (ushort)forward.MappedPort,
                    Protocol = forward is null ? protocol : forward.Protocol,
                };
        }
    }

    /// <summary>An IPv4 packet for a tuple: TCP (SYN, ACK or other flags), UDP, ICMP echo, GRE (PPTP's enhanced version 1
    /// keyed by the destination port as call id, or plain version 0), ESP (the ports as SPI) or SCTP (a DATA chunk), with
    /// a few payload bytes.</summary>
    private static byte[] Frame(PacketTuple tuple, Random random)
    {
        var protocol = tuple.Protocol is 6 or 17 or 1 or 47 or 50 or 132 ? tuple.Protocol : (byte)17;
        var payload = new byte[random.Next(0, 24)];
        random.NextBytes(payload);
        var transportLength = protocol switch { 6 => 20, 17 => 8, 47 => 12, 50 => 8, 132 => 28, _ => 8 } + payload.Length;
        var frame = new byte[20 + transportLength];
        frame[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)frame.Length);
        frame[8] = 64;
        frame[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(12), tuple.Source);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(16), tuple.Destination);
        var transport = frame.AsSpan(20);
        switch (protocol)
        {
            case 6:
                BinaryPrimitives.WriteUInt16BigEndian(transport, tuple.SourcePort);
                BinaryPrimitives.WriteUInt16BigEndian(transport[2..], tuple.DestinationPort);
                transport[12] = 0x50;
                transport[13] = (byte)(random.Next(3) switch { 0 => 0x02, 1 => 0x10, _ => random.Next(256) & 0x1F });
                payload.CopyTo(transport[20..]);
                break;
            case 17:
                BinaryPrimitives.WriteUInt16BigEndian(transport, tuple.SourcePort);
                BinaryPrimitives.WriteUInt16BigEndian(transport[2..], tuple.DestinationPort);
                BinaryPrimitives.WriteUInt16BigEndian(transport[4..], (ushort)transportLength);
                payload.CopyTo(transport[8..]);
                break;
            case 47:
                // RFC 2637 §4.1: K, S, version 1, PPP, payload length and call id; or RFC 2784 version 0 with a key.
                var enhanced = random.Next(3) != 0;
                BinaryPrimitives.WriteUInt16BigEndian(transport, (ushort)(enhanced ? 0x3001 : 0x2000));
                BinaryPrimitives.WriteUInt16BigEndian(transport[2..], (ushort)(enhanced ? 0x880B : 0x0800));
                BinaryPrimitives.WriteUInt16BigEndian(transport[4..], (ushort)payload.Length);
                BinaryPrimitives.WriteUInt16BigEndian(transport[6..], tuple.DestinationPort);
                BinaryPrimitives.WriteUInt32BigEndian(transport[8..], (uint)random.Next());
                payload.CopyTo(transport[12..]);
                break;
            case 50:
                // RFC 4303 §2.1: the SPI (never 0) and a sequence number.
                BinaryPrimitives.WriteUInt32BigEndian(transport, ((uint)tuple.SourcePort << 16) | tuple.DestinationPort | 1);
                BinaryPrimitives.WriteUInt32BigEndian(transport[4..], (uint)random.Next());
                payload.CopyTo(transport[8..]);
                break;
            case 132:
                // RFC 9260 §3: ports, a verification tag, then one DATA chunk (the checksum is set last).
                BinaryPrimitives.WriteUInt16BigEndian(transport, tuple.SourcePort);
                BinaryPrimitives.WriteUInt16BigEndian(transport[2..], tuple.DestinationPort);
                BinaryPrimitives.WriteUInt32BigEndian(transport[4..], (uint)random.Next(0, 3) * 0x01020304u);
                transport[12] = (byte)(random.Next(4) == 0 ? 1 : 0);
                BinaryPrimitives.WriteUInt16BigEndian(transport[14..], (ushort)(16 + payload.Length));
                BinaryPrimitives.WriteUInt32BigEndian(transport[16..], (uint)random.Next());
                payload.CopyTo(transport[28..]);
                break;
            default:
                transport[0] = (byte)(random.Next(2) == 0 ? 8 : 0);
                BinaryPrimitives.WriteUInt16BigEndian(transport[4..], tuple.SourcePort);
                payload.CopyTo(transport[8..]);
                break;
        }

        FixChecksums(frame);
        return frame;
    }

    /// <summary>The other end answering a packet the gateway sent: addresses and ports swapped, a TCP SYN answered with SYN+ACK.</summary>
    private static byte[] Reply(byte[] sent)
    {
        var frame = (byte[])sent.Clone();
        frame.AsSpan(12, 4).CopyTo(frame.AsSpan(16, 4));
        sent.AsSpan(16, 4).CopyTo(frame.AsSpan(12, 4));
        var headerLength = (frame[0] & 0x0F) * 4;
        var transport = frame.AsSpan(headerLength);
        if (frame[9] is 6 or 17)
        {
            sent.AsSpan(headerLength, 2).CopyTo(transport[2..]);
            sent.AsSpan(headerLength + 2, 2).CopyTo(transport);
            if (frame[9] == 6)
            {
                transport[13] = (byte)((transport[13] & 0x02) != 0 ? 0x12 : 0x10);
            }
        }
        else if (frame[9] == 1)
        {
            transport[0] = (byte)(transport[0] == 8 ? 0 : 8);
        }
        else if (frame[9] == 132)
        {
            sent.AsSpan(headerLength, 2).CopyTo(transport[2..]);
            sent.AsSpan(headerLength + 2, 2).CopyTo(transport);
        }

        FixChecksums(frame);
        return frame;
    }

    private static void FixChecksums(byte[] frame)
    {
        var headerLength = (frame[0] & 0x0F) * 4;
        frame[10] = frame[11] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(10), Checksum(frame.AsSpan(0, headerLength), 0));
        var transport = frame.AsSpan(headerLength);
        if (frame[9] is 47 or 50)
        {
            // Enhanced GRE has no checksum; ESP's integrity is its own.
            return;
        }

        if (frame[9] == 132)
        {
            PacketRewriter.RecomputeSctpChecksum(transport);
            return;
        }

        var offset = frame[9] switch { 6 => 16, 17 => 6, _ => 2 };
        transport[offset] = transport[offset + 1] = 0;
        uint pseudo = 0;
        if (frame[9] is 6 or 17)
        {
            for (var i = 12; i < 20; i += 2)
            {
                pseudo += BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(i));
            }

            pseudo += frame[9];
            pseudo += (uint)transport.Length;
        }

        BinaryPrimitives.WriteUInt16BigEndian(transport[offset..], Checksum(transport, pseudo));
    }

    private static ushort Checksum(ReadOnlySpan<byte> data, uint sum)
    {
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if ((data.Length & 1) != 0)
        {
            sum += (uint)data[^1] << 8;
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
