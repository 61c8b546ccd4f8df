using System.Text;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.Rtsp;

namespace Alg.Runtime.Tests.Rtsp;

/// <summary>
/// Mutated, truncated and re-segmented RTSP control streams through the ALG, both directions: the ALG never throws (a
/// throw is counted in <c>Failures</c>), never drops, a segment it reports malformed opens no pinhole, and the parsers
/// alone never read outside their input.
/// </summary>
public sealed class RtspFuzzTests
{
    private static readonly string[] ClientSeeds =
    [
        "SETUP rtsp://203.0.113.20/t RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP;unicast;client_port=5000-5001\r\n\r\n",
        "SETUP rtsp://203.0.113.20/t RTSP/2.0\r\nCSeq: 3\r\nTransport: RTP/AVP;unicast;dest_addr=\"192.168.1.10:5002\"/\"192.168.1.10:5003\"\r\n\r\n",
        "TEARDOWN rtsp://203.0.113.20/t RTSP/1.0\r\nCSeq: 4\r\nSession: 1234\r\n\r\n",
        "SETUP rtsp://203.0.113.20/t RTSP/1.0\r\nCSeq: 5\r\nTransport: RTP/AVP;unicast;destination=198.51.100.7;client_port=5004-5005,RTP/AVP/TCP;interleaved=0-1\r\n\r\n",
    ];

    private static readonly string[] ServerSeeds =
    [
        "RTSP/1.0 200 OK\r\nCSeq: 2\r\nSession: 1234;timeout=60\r\nTransport: RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001\r\n\r\n",
        "RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Length: 12\r\n\r\nv=0\r\no=- 0 0\r\n",
        "$\u0000\u0000\u0008\u0080\u0000\u0000\u0001abcdRTSP/1.0 200 OK\r\nCSeq: 5\r\nSession: 77\r\nTransport: RTP/AVP;unicast;client_port=5004-5005;server_port=6004-6005\r\n\r\n",
    ];

    private static ReadOnlySpan<byte> Alphabet => "-;,=\"/:0123456789\r\n$"u8;

    /// <summary>Which server seed answers each client seed (its CSeq).</summary>
    private static readonly int[] ReplyTo = [0, 1, 1, 2];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_control_streams_never_throw_drop_or_open_a_pinhole_on_error(int seed)
    {
        var random = new Random(seed);
        var gateway = new AlgHarness("rtsp", 554, false, default, FtpEngine.Both);
        for (var i = 0; i < 300; i++)
        {
            // A fresh connection each time: bytes that are not RTSP rightly end inspection of their connection.
            var control = new ControlConnection(gateway, clientPort: (ushort)(20000 + i));
            control.Connect();
            var exchange = random.Next(ClientSeeds.Length);
            foreach (var fromClient in new[] { true, false })
            {
                var text = fromClient ? ClientSeeds[exchange] : ServerSeeds[ReplyTo[exchange]];
                var stream = random.Next(4) == 0 ? Encoding.Latin1.GetBytes(text) : Fuzz.Mutate(random, Encoding.Latin1.GetBytes(text), Alphabet);
                Fuzz.SendSegmented(random, stream, segment => fromClient ? control.Send(segment) : control.Answer(Encoding.Latin1.GetString(segment)), gateway.Counters, i);
            }
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
        Assert.True(gateway.Counters.PinholesOpened > 10, $"only {gateway.Counters.PinholesOpened} pinholes: the mutations no longer reach the rewriter");
    }

    [Fact]
    public void The_parsers_never_read_outside_their_input()
    {
        var random = new Random(7);
        Span<RtspTransportParam> parameters = new RtspTransportParam[32];
        for (var i = 0; i < 20_000; i++)
        {
            var seeds = random.Next(2) == 0 ? ClientSeeds : ServerSeeds;
            var data = Fuzz.Mutate(random, Encoding.Latin1.GetBytes(seeds[random.Next(seeds.Length)]), Alphabet);
            data = data[..random.Next(data.Length + 1)];
            if (RtspMessageParser.Parse(data, out var message, out _) == RtspParseStatus.Complete)
            {
                Assert.InRange(message.Length, 1, data.Length);
                if (message.HasTransport)
                {
                    Assert.InRange(message.TransportStart + message.TransportLength, 0, message.Length);
                    var value = data.AsSpan(message.TransportStart, message.TransportLength);
                    if (RtspTransportParser.TryParse(value, parameters, out var count))
                    {
                        foreach (var parameter in parameters[..count])
                        {
                            Assert.InRange(parameter.Start + parameter.Length, 0, value.Length);
                            Assert.InRange(parameter.PortStart + parameter.PortLength, -1, value.Length);
                            Assert.InRange(parameter.AddressStart + parameter.AddressLength, -1, value.Length);
                        }
                    }
                }
            }
        }
    }
}
