using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.SunRpc;

namespace Alg.Runtime.Tests.SunRpc;

/// <summary>Mutated, truncated and re-segmented SunRPC (algs.md §6.3): never an exception, never a drop, no pinhole
/// from a message reported malformed, and the parsers never read outside their input.</summary>
public sealed class SunRpcFuzzTests
{
    private static readonly byte[][] Calls =
    [
        Rpc.GetPort(1, Rpc.Nfs, 3, 6),
        Rpc.GetAddr(2, Rpc.Mount, 3, "udp"),
        Rpc.GetAddr(3, Rpc.Nfs, 3, string.Empty, 4, 11),
        Rpc.CallIt(4, Rpc.Status, 1),
        Rpc.Dump(5),
    ];

    private static readonly byte[][] Replies =
    [
        Rpc.GetPortReply(1, 2049),
        Rpc.GetAddrReply(2, "192.168.1.21.80.1"),
        Rpc.GetAddrListReply(3, ("192.168.1.21.8.1", "tcp"), ("192.168.1.21.8.1", "udp")),
        Rpc.CallItReply(4, 36912),
        Rpc.DumpReply(5, (100000, 2, 6, 111), (100003, 3, 6, 2049)),
    ];

    private static ReadOnlySpan<byte> Alphabet => "\0\x01\x80.0123456789"u8;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mutated_udp_messages_never_throw_drop_or_open_from_garbage(int seed)
    {
        var random = new Random(seed);
        var gateway = new AlgHarness("sunrpc", 111, AlgHarness.ServerInsidePolicy(Alg.Policy.Model.TransportProtocol.Udp, 111), default, FtpEngine.Both);
        for (var i = 0; i < 1500; i++)
        {
            var which = random.Next(Calls.Length);
            var call = random.Next(4) == 0 ? Calls[which] : Fuzz.Mutate(random, Calls[which], Alphabet, 40);
            var reply = random.Next(3) == 0 ? Replies[which] : Fuzz.Mutate(random, Replies[which], Alphabet, 28);
            var clientPort = (ushort)(40000 + random.Next(8));
            gateway.Udp(AlgHarness.Server, clientPort, AlgHarness.PublishedServer, 111, IngressSide.Outside, call);
            var malformedBefore = gateway.Counters.Malformed;
            var openedBefore = gateway.Counters.PinholesOpened;
            var sent = gateway.Udp(AlgHarness.InsideServer, 111, AlgHarness.Server, clientPort, IngressSide.Inside, reply);
            Assert.True(sent.Forwarded, $"iteration {i}: dropped {sent.Verdict.Reason}");
            Assert.True(PacketBuilder.ChecksumsValid(sent.Frame), $"iteration {i}: bad checksum");
            if (gateway.Counters.Malformed != malformedBefore)
            {
                Assert.Equal(openedBefore, gateway.Counters.PinholesOpened);
            }
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.True(gateway.Counters.PinholesOpened > 50, $"only {gateway.Counters.PinholesOpened} pinholes: the mutations no longer reach the rewriter");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Record_marked_streams_cut_anywhere_never_throw_or_drop(int seed)
    {
        var random = new Random(seed);
        for (var connectionIndex = 0; connectionIndex < 60; connectionIndex++)
        {
            var gateway = new AlgHarness("sunrpc", 111, true, default, FtpEngine.Both);
            var connection = new ControlConnection(gateway, serverInside: true, clientPort: (ushort)(40000 + connectionIndex));
            connection.Connect();
            var calls = new List<byte>();
            var replies = new List<byte>();
            for (var k = 0; k < 4; k++)
            {
                var which = random.Next(Calls.Length);
                calls.AddRange(Rpc.Record(Calls[which]));
                var reply = random.Next(3) == 0 ? Fuzz.Mutate(random, Replies[which], Alphabet, 28) : Replies[which];
                replies.AddRange(random.Next(2) == 0 ? Rpc.Record(reply) : Rpc.Fragments(reply, Math.Min(8, reply.Length)));
            }

            Fuzz.SendSegmented(random, [.. calls], connection.Send, gateway.Counters, connectionIndex);
            Fuzz.SendSegmented(random, [.. replies], connection.Answer, gateway.Counters, connectionIndex);
            Assert.Equal(0, gateway.Counters.Failures);
        }
    }

    [Fact]
    public void The_parsers_never_read_outside_their_input()
    {
        var random = new Random(5);
        Span<SunRpcFragment> fragments = stackalloc SunRpcFragment[16];
        for (var i = 0; i < 20_000; i++)
        {
            var seed = random.Next(2) == 0 ? Calls[random.Next(Calls.Length)] : Replies[random.Next(Replies.Length)];
            var data = Fuzz.Mutate(random, seed, Alphabet, 40);
            data = data[..random.Next(data.Length + 1)];
            if (SunRpcMessageParser.Parse(data, out var header, out _) == SunRpcParseStatus.Complete)
            {
                Assert.InRange(header.BodyOffset, 0, data.Length);
                if (header.IsCall)
                {
                    SunRpcPortmapper.TryReadQuery(data, in header, 6, 0, out _, out _);
                }
            }

            var stream = Fuzz.Mutate(random, Rpc.Fragments(seed, Math.Min(4, seed.Length)), Alphabet, 8);
            if (SunRpcRecordParser.Parse(stream, fragments, 8192, out var record, out _) == SunRpcParseStatus.Complete)
            {
                Assert.InRange(record.StreamLength, 4, stream.Length);
                Assert.Equal(record.MessageLength + (4 * record.FragmentCount), record.StreamLength);
            }
        }
    }
}
