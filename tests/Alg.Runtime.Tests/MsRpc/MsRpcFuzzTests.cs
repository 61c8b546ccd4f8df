using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.MsRpc;

namespace Alg.Runtime.Tests.MsRpc;

/// <summary>Mutated, truncated and re-segmented DCE/RPC (algs.md §5.3): never an exception or a drop, no pinhole from a
/// PDU reported malformed, and the parsers never read outside their input.</summary>
public sealed class MsRpcFuzzTests
{
    private static ReadOnlySpan<byte> Alphabet => "\0\x01\x02\x03\x05\x07\x08\x09\x0b\x0d\x10\x4b\xff"u8;

    private static byte[] Replies(Random random, bool mutate)
    {
        var stub = random.Next(3) switch
        {
            0 => Dce.Stub("map-response"),
            1 => Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Ip.V4("192.168.1.21")), Dce.Tower(Dce.Svcctl, 0x08, 49684, 0)),
            _ => Dce.Stub("lookup-response"),
        };
        if (mutate)
        {
            stub = Fuzz.Mutate(random, stub, Alphabet);
        }

        return random.Next(2) == 0 ? Dce.Response(2, 0, stub) : Dce.FragmentedResponse(2, 0, stub, 1 + random.Next(64));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mutated_and_resegmented_streams_never_throw_drop_or_open_from_garbage(int seed)
    {
        var random = new Random(seed);
        var opened = 0L;
        for (var connectionIndex = 0; connectionIndex < 80; connectionIndex++)
        {
            var gateway = new AlgHarness("msrpc", 135, true, default, FtpEngine.Both, ("lookup-operation", Alg.Policy.Algs.AlgOptionValue.FromBoolean(true)));
            var connection = new ControlConnection(gateway, serverInside: true, clientPort: (ushort)(40000 + connectionIndex));
            connection.Connect();
            var bind = Dce.Bind(1, true, (0, Dce.Epm));
            var request = Dce.Request(2, 0, (ushort)(2 + random.Next(2)), Dce.Stub("map-request"));
            if (random.Next(3) == 0)
            {
                request = Fuzz.Mutate(random, request, Alphabet, 24);
            }

            // A client waits for the bind's ack before it calls (C706 §12.6.4.3).
            Fuzz.SendSegmented(random, bind, connection.Send, gateway.Counters, connectionIndex);
            Fuzz.SendSegmented(random, Dce.BindAck(1, true, true), connection.Answer, gateway.Counters, connectionIndex);
            Fuzz.SendSegmented(random, request, connection.Send, gateway.Counters, connectionIndex);
            Fuzz.SendSegmented(random, Replies(random, random.Next(2) == 0), connection.Answer, gateway.Counters, connectionIndex);
            Assert.True(gateway.Counters.Failures == 0, gateway.Counters.LastFailure);
            opened += gateway.Counters.PinholesOpened;
        }

        Assert.True(opened > 5, $"only {opened} pinholes: the mutations no longer reach the rewriter");
    }

    [Fact]
    public void Mutated_datagrams_never_throw_or_drop()
    {
        var random = new Random(3);
        var gateway = new AlgHarness("msrpc", 135, AlgPolicies.PatEverythingStrict(), [Alg.Policy.Algs.AlgPort.Udp(135)], FtpEngine.Both);
        for (var i = 0; i < 1500; i++)
        {
            var activity = new Guid(i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            var request = Dce.Datagram(0, activity, 1, 3, Dce.MapRequestStub(Dce.Lsarpc, 0x08, true));
            var response = Dce.Datagram(2, activity, 1, 3, Dce.MapResponseStub(true, Dce.Tower(Dce.Lsarpc, 0x08, 49700, AlgHarness.Server)));
            gateway.Udp(AlgHarness.Client, 40500, AlgHarness.Server, 135, IngressSide.Inside, random.Next(4) == 0 ? request : Fuzz.Mutate(random, request, Alphabet, 80));
            var malformed = gateway.Counters.Malformed;
            var before = gateway.Counters.PinholesOpened;
            var sent = gateway.Udp(AlgHarness.Server, 135, AlgHarness.Public, 40500, IngressSide.Outside, random.Next(3) == 0 ? response : Fuzz.Mutate(random, response, Alphabet, 80));
            Assert.True(sent.Forwarded, $"iteration {i}: dropped {sent.Verdict.Reason}");
            if (gateway.Counters.Malformed != malformed)
            {
                Assert.Equal(before, gateway.Counters.PinholesOpened);
            }
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.True(gateway.Counters.PinholesOpened > 0);
    }

    [Fact]
    public void The_parsers_never_read_outside_their_input()
    {
        var random = new Random(5);
        Span<EpmTowerAt> towers = stackalloc EpmTowerAt[EpmNdr.MaxTowers];
        Span<DcomStringBinding> bindings = stackalloc DcomStringBinding[8];
        string[] names = ["map-request", "map-response", "lookup-response"];
        for (var i = 0; i < 20_000; i++)
        {
            var stub = Fuzz.Mutate(random, Dce.Stub(names[random.Next(names.Length)]), Alphabet);
            stub = stub[..random.Next(stub.Length + 1)];
            var ndr64 = random.Next(4) == 0;
            EpmNdr.TryReadMapRequest(stub, true, ndr64, out _, out _);
            EpmNdr.TryReadLookupRequest(stub, false, ndr64, out _);
            if (EpmNdr.TryReadMapResponse(stub, true, ndr64, towers, out var count, out _) || EpmNdr.TryReadLookupResponse(stub, true, ndr64, towers, out count, out _))
            {
                foreach (var at in towers[..count])
                {
                    Assert.InRange(at.Start, 0, stub.Length);
                    Assert.InRange(at.Start + Math.Max(at.Tower.PortOffset, at.Tower.AddressOffset), 0, stub.Length);
                }
            }

            DcomStringBindingScanner.Scan(stub, bindings);
            var pdu = Fuzz.Mutate(random, Dce.Response(1, 0, stub), Alphabet, 16);
            if (DcePduParser.Parse(pdu, out var parsed, out _) == MsRpcParseStatus.Complete && parsed.StubOffset > 0)
            {
                Assert.InRange(parsed.StubOffset + parsed.StubLength, 0, parsed.Length);
            }

            DcePduParser.ParseDatagram(pdu, out _, out _, out _, out _);
        }
    }
}
