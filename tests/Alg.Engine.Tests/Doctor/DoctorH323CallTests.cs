using Alg.Compiler;
using Alg.Doctor;
using Alg.Policy.Text;

namespace Alg.Engine.Tests.Doctor;

/// <summary>`alg doctor` on H.323 calls (H.225.0 call signalling, H.245 logical channels), written from the H.323 test
/// vectors (tests/data/h323, made with Erlang's aligned-PER encoder): the inside party 192.168.1.10, the outside one
/// 203.0.113.20, the gateway's public address 203.0.113.1 (tests/data/lab/gateway-ios.cfg). What the outside capture
/// shows of a message an ALG translated is the vector with the inside address replaced by the public one (both are
/// four octets in aligned PER: the message keeps its length).</summary>
public sealed class DoctorH323CallTests : IDisposable
{
    private const string Phone = "192.168.1.10:40000";
    private const string PhoneMapped = "203.0.113.1:40000";
    private const string PhoneH245 = "192.168.1.10:40001";
    private const string PhoneH245Mapped = "203.0.113.1:40001";
    private const string Callee = "203.0.113.20:1720";
    private const string CalleeH245 = "203.0.113.20:1300";

    private readonly string _directory = Directory.CreateTempSubdirectory("alg-doctor-h323-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A fastStart call (H.225.0 §8.1.7) through an ALG that translated the caller's media address: RTP both
    /// ways to the endpoints Setup and Connect announced, on both sides of the NAT.</summary>
    [Fact]
    public void A_good_faststart_call_through_a_translating_alg_is_ok()
    {
        var (lan, wan) = (Path.Combine(_directory, "lan0.pcap"), Path.Combine(_directory, "wan0.pcap"));
        using (var capture = new SyntheticSipCapture(lan))
        {
            capture.Tcp(0.0, Phone, Callee, 1000, Vector("faststart-setup"));
            capture.Tcp(0.1, Callee, Phone, 5000, Vector("faststart-connect"));
            capture.Rtp(0.2, "192.168.1.10:5000", "203.0.113.20:7000", 50);
            capture.Rtp(0.2, "203.0.113.20:7000", "192.168.1.10:5000", 50);
        }

        using (var capture = new SyntheticSipCapture(wan))
        {
            capture.Tcp(0.0, PhoneMapped, Callee, 1000, Translated("faststart-setup"));
            capture.Tcp(0.1, Callee, PhoneMapped, 5000, Vector("faststart-connect"));
            capture.Rtp(0.2, "203.0.113.1:5000", "203.0.113.20:7000", 50);
            capture.Rtp(0.2, "203.0.113.20:7000", "203.0.113.1:5000", 50);
        }

        var call = Assert.Single(CallDoctor.Diagnose([lan, wan], Gateway()));

        Assert.Equal("h323", call.Transport);
        Assert.Equal(CallVerdict.Ok, call.Verdict);
        Assert.Empty(call.Causes);
        Assert.Equal(["Setup", "Connect"], call.Signalling.Where(m => m.Message.Capture == "lan0.pcap").Select(m => m.Message.Label));
        Assert.Equal(new MediaEndpoint("203.0.113.1", 5000), call.Media.Single(m => m.From == CallParty.Callee).Announced);
    }

    /// <summary>The caller's OpenLogicalChannelAck leaves with its private mediaChannel (H.245 §7.3.1): the callee sends
    /// the channel's RTP where it cannot arrive — one-way, and with the configuration the line that turns the ALG off.</summary>
    [Fact]
    public void A_private_address_left_in_an_olc_ack_is_one_way_with_the_line_behind_it()
    {
        var wan = Path.Combine(_directory, "wan0.pcap");
        using (var capture = new SyntheticSipCapture(wan))
        {
            capture.Tcp(0.0, PhoneMapped, Callee, 1000, Translated("faststart-setup"));
            capture.Tcp(0.1, Callee, PhoneMapped, 5000, Vector("faststart-connect"));
            var olc = Translated("h245-olc-bidirectional");
            capture.Tcp(0.2, PhoneH245Mapped, CalleeH245, 1000, olc);
            capture.Tcp(0.3, CalleeH245, PhoneH245Mapped, 5000, Vector("h245-olc-outside"));
            capture.Tcp(0.4, PhoneH245Mapped, CalleeH245, 1000 + (uint)olc.Length, Vector("h245-olcack-inside"));
            // The callee has no route to 192.168.1.10: its RTP for the caller never reaches the wire.
            capture.Rtp(0.5, "203.0.113.1:5020", "203.0.113.20:7000", 50);
        }

        var call = Assert.Single(CallDoctor.Diagnose([wan], Gateway("ip nat service h225", "no ip nat service h225")));

        Assert.Equal(CallVerdict.OneWay, call.Verdict);
        Assert.Equal(CallParty.Callee, call.Silent);
        var cause = Assert.Single(call.Causes, c => c.Code == "private-address-in-olc");
        Assert.Contains("192.168.1.10:5030", cause.Message, StringComparison.Ordinal);
        Assert.Contains("OpenLogicalChannelAck", cause.Message, StringComparison.Ordinal);
        Assert.NotNull(cause.Config);
        Assert.Contains("no ip nat service h225", cause.Config!.LineText, StringComparison.Ordinal);
        Assert.NotEmpty(cause.Config.FixLines);
    }

    /// <summary>An H.460.18/19 endpoint's Setup (algs.md §4.6) that an ALG rewrote on its way out: the callee's media to
    /// the rewritten address reaches the gateway and never the endpoint, and the doctor names the rewrite.</summary>
    [Fact]
    public void An_h460_call_an_alg_rewrote_is_named_as_the_cause()
    {
        var (lan, wan) = (Path.Combine(_directory, "lan0.pcap"), Path.Combine(_directory, "wan0.pcap"));
        var connect = Vector("faststart-connect");
        connect[7] = 0x0D; // the Setup's call reference (13) in the answer (H.225.0 §7.2)
        using (var capture = new SyntheticSipCapture(lan))
        {
            capture.Tcp(0.0, Phone, Callee, 1000, Vector("h460-setup"));
            capture.Tcp(0.1, Callee, Phone, 5000, connect);
            capture.Rtp(0.2, "192.168.1.10:5000", "203.0.113.20:7000", 50);
        }

        using (var capture = new SyntheticSipCapture(wan))
        {
            capture.Tcp(0.0, PhoneMapped, Callee, 1000, Translated("h460-setup"));
            capture.Tcp(0.1, Callee, PhoneMapped, 5000, connect);
            capture.Rtp(0.2, "203.0.113.1:5000", "203.0.113.20:7000", 50);
            capture.Rtp(0.2, "203.0.113.20:7000", "203.0.113.1:1300", 50);
        }

        var call = Assert.Single(CallDoctor.Diagnose([lan, wan], Gateway()));

        Assert.NotEqual(CallVerdict.Ok, call.Verdict);
        var cause = Assert.Single(call.Causes, c => c.Code == "alg-rewrote-h460");
        Assert.Contains("203.0.113.1:1300", cause.Message, StringComparison.Ordinal);
        Assert.Contains("192.168.1.10:1300", cause.Message, StringComparison.Ordinal);
        Assert.NotEmpty(cause.Config!.FixLines);
        Assert.Contains(cause.Config.FixLines, line => line.Contains("h225", StringComparison.Ordinal));
    }

    [Fact]
    public void The_text_report_names_h323_messages_and_mediachannels()
    {
        var lan = Path.Combine(_directory, "lan0.pcap");
        using (var capture = new SyntheticSipCapture(lan))
        {
            capture.Tcp(0.0, Phone, Callee, 1000, Vector("faststart-setup"));
        }

        var text = DoctorTextReport.Render(CallDoctor.Diagnose([lan]));

        Assert.Contains("call 1: H.323 call reference 11", text, StringComparison.Ordinal);
        Assert.Contains("Setup (caller)", text, StringComparison.Ordinal);
        Assert.Contains("no Connect answered the Setup", text, StringComparison.Ordinal);
    }

    private GatewayContext Gateway(params string[] replace)
    {
        var text = File.ReadAllText(Path.Combine(EngineTestPaths.RepositoryRoot, "tests", "data", "lab", "gateway-ios.cfg"));
        if (replace.Length == 2)
        {
            text = text.Replace("ip nat translation udp-timeout 300", $"ip nat translation udp-timeout 300\n{replace[1]}", StringComparison.Ordinal);
        }

        var path = Path.Combine(_directory, "gateway.cfg");
        File.WriteAllText(path, text);
        return GatewayContext.FromLoad(ConfigurationLoader.LoadFile(path));
    }

    private static byte[] Vector(string name) => Convert.FromHexString(
        File.ReadLines(Path.Combine(EngineTestPaths.RepositoryRoot, "tests", "data", "h323", "vectors.tsv")).Select(l => l.Split('\t')).Single(f => f[0] == name)[1]);

    /// <summary>The vector as it leaves a translating gateway: the inside address (192.168.1.10) replaced by the public
    /// one wherever it is written.</summary>
    private static byte[] Translated(string name)
    {
        var bytes = Vector(name);
        for (var at = bytes.AsSpan().IndexOf(Inside); at >= 0; at = bytes.AsSpan().IndexOf(Inside))
        {
            Public.CopyTo(bytes, at);
        }

        return bytes;
    }

    private static readonly byte[] Inside = [192, 168, 1, 10];
    private static readonly byte[] Public = [203, 0, 113, 1];
}
