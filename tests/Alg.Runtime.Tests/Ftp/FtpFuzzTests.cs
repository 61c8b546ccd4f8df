using System.Text;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Ftp;

/// <summary>
/// Mutated, truncated and re-segmented FTP control streams through the ALG, both directions, client inside and server
/// inside: whatever the input, the ALG never throws (a throw is counted in <c>Failures</c>), never drops on its own (no
/// option is configured), and a segment it reports malformed opens no pinhole.
/// </summary>
public sealed class FtpFuzzTests
{
    private static readonly string[] ClientSeeds =
    [
        "USER anonymous\r\nPASS x@y\r\nTYPE I\r\nPORT 192,168,1,10,156,65\r\nRETR a.txt\r\n",
        "EPRT |1|192.168.1.10|40001|\r\nEPRT |2|2001:db8::10|40002|\r\nLIST\r\n",
        "PASV\r\nEPSV\r\nAUTH TLS\r\nPORT 203,0,113,20,156,65\r\n",
    ];

    private static readonly string[] ServerSeeds =
    [
        "220 ready\r\n331 password\r\n230 ok\r\n200 ok\r\n",
        "227 Entering Passive Mode (192,168,1,21,156,65).\r\n229 Entering Extended Passive Mode (|||40001|)\r\n",
        "227-Entering Passive Mode\r\n 192,168,1,21,156,65\r\n227 OK\r\n150-a\r\n 227 x\r\n150 b\r\n",
    ];

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void Mutated_control_streams_never_throw_drop_or_open_a_pinhole_on_error(int seed, bool serverInside)
    {
        var random = new Random(seed);
        var gateway = new FtpHarness(serverInside);
        var control = new ControlConnection(gateway, serverInside);
        control.Connect();
        control.Answer("220 ready\r\n");

        // A clean first command: a mangled one would (rightly) end inspection of the whole connection.
        control.Send("NOOP\r\n"u8.ToArray());
        for (var i = 0; i < 1500; i++)
        {
            var fromClient = random.Next(2) == 0;
            var seeds = fromClient ? ClientSeeds : ServerSeeds;
            var stream = Mutate(random, Encoding.ASCII.GetBytes(seeds[random.Next(seeds.Length)]));
            Fuzz.SendSegmented(random, stream, segment => fromClient ? control.Send(segment) : control.Answer(Encoding.Latin1.GetString(segment)), gateway.Counters, i);
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
        Assert.True(gateway.Counters.PinholesOpened > 10, $"only {gateway.Counters.PinholesOpened} pinholes: the mutations no longer reach the rewriter");
    }

    private static byte[] Mutate(Random random, byte[] input)
    {
        var data = new List<byte>(input);
        var edits = random.Next(0, 4);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 20)));
                    break;
                case 2:
                    data.InsertRange(at, "\r\n,|()- 0123456789"u8.ToArray().AsSpan(random.Next(18), 1).ToArray());
                    break;
                case 3:
                    data.InsertRange(at, Encoding.ASCII.GetBytes("PORT 192,168,1,10," + random.Next(300) + "," + random.Next(300) + "\r\n"));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    data.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(-5, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
            }
        }

        return [.. data];
    }
}
