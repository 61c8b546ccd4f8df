using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.SqlNet;

namespace Alg.Runtime.Tests.SqlNet;

/// <summary>
/// Mutated, truncated and re-segmented TNS connect exchanges through the ALG, server inside and outside: the ALG never
/// throws (a throw is counted in <c>Failures</c>), never drops, a segment it reports malformed opens no pinhole, and
/// the parser and scanner alone never read outside their input (algs.md §8.3).
/// </summary>
public sealed class SqlNetFuzzTests
{
    private static ReadOnlySpan<byte> Alphabet => "()=. \0ADRESHOTPaddress0123456789"u8;

    private const string Connect = "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=orcl))(ADDRESS=(PROTOCOL=TCP)(HOST=203.0.113.1)(PORT=1521)))";

    private static byte[][] ServerSeeds(string host) =>
    [
        Tns.RedirectPacket($"(ADDRESS=(PROTOCOL=tcp)(HOST={host})(PORT=49152))\0{Connect}"),
        Tns.Concat(Tns.RedirectLengthOnly(0), Tns.DataPacket($"(ADDRESS=(PROTOCOL=TCP)(HOST={host})(PORT=49153))")),
        Tns.Concat(Tns.RedirectLengthOnly(52), Tns.DataPacket($"(ADDRESS=(PROTOCOL=TCP)(HOST={host})(PORT=49154))\0{Connect}")),
        Tns.Concat(Tns.Packet(Tns.Resend, []), Tns.RedirectPacket($"(ADDRESS_LIST=(ADDRESS=(PROTOCOL=TCP)(HOST={host})(PORT=49155))(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521)))")),
        Tns.Concat(Tns.AcceptPacket(315), Tns.DataPacket(new byte[300], largeLength: true), Tns.RedirectPacket($"(ADDRESS=(PROTOCOL=tcp)(HOST={host})(PORT=49156))", largeLength: true)),
    ];

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Mutated_connect_exchanges_never_throw_drop_or_open_a_pinhole_on_error(int seed, bool serverInside)
    {
        var random = new Random(seed);
        var gateway = new AlgHarness("sqlnet", 1521, serverInside, default, FtpEngine.Both);
        var seeds = ServerSeeds(serverInside ? "192.168.1.21" : "203.0.113.20");
        var connect = Tns.ConnectPacket(Connect);
        for (var i = 0; i < 250; i++)
        {
            // A fresh connection each time: bytes that are not TNS rightly end inspection of their connection.
            var control = new ControlConnection(gateway, serverInside, clientPort: (ushort)(20000 + i));
            control.Connect();
            foreach (var fromClient in new[] { true, false })
            {
                var original = fromClient ? connect : seeds[random.Next(seeds.Length)];
                var stream = random.Next(4) == 0 ? original : Fuzz.Mutate(random, original, Alphabet, headerBytes: 12);
                Fuzz.SendSegmented(random, stream, segment => fromClient ? control.Send(segment) : control.Answer(segment), gateway.Counters, i);
            }
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
        Assert.True(gateway.Counters.PinholesOpened > 10, $"only {gateway.Counters.PinholesOpened} pinholes: the mutations no longer reach the rewriter");
    }

    [Fact]
    public void The_parser_and_scanner_never_read_outside_their_input()
    {
        var random = new Random(7);
        var seeds = ServerSeeds("10.0.0.1");
        var found = new SqlNetAddress[8];
        for (var i = 0; i < 20_000; i++)
        {
            var data = Fuzz.Mutate(random, seeds[random.Next(seeds.Length)], Alphabet, headerBytes: 12);
            data = data[..random.Next(data.Length + 1)];
            var large = random.Next(3) == 0;
            if (SqlNetPacketParser.Parse(data, large, out var packet, out _) == SqlNetParseStatus.Complete)
            {
                Assert.InRange(packet.Length, 8, data.Length);
            }

            var text = data.AsSpan(Math.Min(data.Length, 10));
            if (SqlNetDescriptorScanner.Scan(text, found, out var count, out _) == SqlNetParseStatus.Complete)
            {
                foreach (var address in found.AsSpan(0, count))
                {
                    Assert.InRange(address.HostStart + address.HostLength, -1, text.Length);
                    Assert.InRange(address.PortStart + address.PortLength, -1, text.Length);
                }
            }
        }
    }
}
