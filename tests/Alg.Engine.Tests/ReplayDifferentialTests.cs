using Alg.Runtime.Capture;
using Alg.Compiler;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Replay;

namespace Alg.Engine.Tests;

/// <summary>
/// Whole replays on both engines: the same captures through the same configuration must give byte-identical
/// output files and identical counts, whatever the engine, and reloads between packets must lose no flow.
/// </summary>
public sealed class ReplayDifferentialTests : IDisposable
{
    private const string GatewayConfig =
        "hostname lab\n" +
        "interface gl0\n ip address 192.168.1.1 255.255.255.0\n ip nat inside\n ip access-group LAN-IN in\n" +
        "interface gw0\n ip address 203.0.113.1 255.255.255.0\n ip nat outside\n ip access-group EDGE in\n" +
        "ip access-list extended LAN-IN\n deny udp any any eq 1900\n permit ip any any\n" +
        "ip access-list extended EDGE\n permit tcp any any established\n permit udp any any\n permit icmp any any\n deny ip any any\n" +
        "access-list 1 permit any\n" +
        "ip nat inside source list 1 interface gw0 overload\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("alg-replay-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(EngineTestPaths.CorpusPcaps).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Interpreter_and_compiled_write_identical_files(string capture)
    {
        var policy = Policy(GatewayConfig);
        var input = new ReplayInput(Path.Combine(EngineTestPaths.CorpusPcaps, capture));

        var interpreted = Replay(policy, EngineMode.Interpreter, [input], "interpreter.pcap");
        var compiled = Replay(policy, EngineMode.Compiled, [input], "compiled.pcap");

        Assert.Equal(interpreted.Report.PacketsIn, compiled.Report.PacketsIn);
        Assert.Equal(interpreted.Report.Forwarded, compiled.Report.Forwarded);
        Assert.Equal(interpreted.Report.Dropped, compiled.Report.Dropped);
        Assert.Equal(interpreted.Report.FlowsCreated, compiled.Report.FlowsCreated);
        Assert.Equal(File.ReadAllBytes(interpreted.Output), File.ReadAllBytes(compiled.Output));
    }

    [Fact]
    public void Acl_denies_are_counted_the_same_on_both_engines()
    {
        var policy = Policy(GatewayConfig.Replace(" permit udp any any\n", " permit udp any any eq 53\n", StringComparison.Ordinal));
        var input = new ReplayInput(Path.Combine(EngineTestPaths.CorpusPcaps, "ntop_nDPI__sip.pcap"), IngressSide.Outside);

        var interpreted = Replay(policy, EngineMode.Interpreter, [input], "i.pcap");
        var compiled = Replay(policy, EngineMode.Compiled, [input], "c.pcap");

        Assert.True(interpreted.Report.Dropped.GetValueOrDefault(Alg.Runtime.Packets.DropReason.AclDeniedInbound) > 0);
        Assert.Equal(interpreted.Report.Dropped, compiled.Report.Dropped);
        Assert.Equal(File.ReadAllBytes(interpreted.Output), File.ReadAllBytes(compiled.Output));
    }

    [Fact]
    public void A_thousand_reloads_under_traffic_lose_no_flow()
    {
        var policy = Policy(GatewayConfig);
        // Timers and an ACL line change on every other packet; the SIP ALG stays on, so the output must be the
        // steady run's byte for byte (turning an ALG off changes what it rewrites: see the next test).
        var alternate = Policy(GatewayConfig.Replace(" deny udp any any eq 1900\n", " deny udp any any eq 1901\n", StringComparison.Ordinal) + "ip nat translation udp-timeout 600\nip nat translation tcp-timeout 7200\n");
        var inputs = new[] { new ReplayInput(Path.Combine(EngineTestPaths.CorpusPcaps, "ntop_nDPI__FAX-Call-t38-CA-TDM-SIP-FB-1.pcap")) };
        var steady = Replay(policy, EngineMode.Interpreter, inputs, "steady.pcap");

        using var gateway = Gateway.Create(policy, EngineMode.Interpreter);
        var reloaded = Path.Combine(_directory, "reloaded.pcap");
        var report = CaptureReplayer.Run(inputs, reloaded, gateway.Nat, packet =>
        {
            if (gateway.Reloads < 1000)
            {
                gateway.Reload(packet % 2 == 0 ? alternate : policy);
            }
        });

        Assert.Equal(1000, gateway.Reloads);
        Assert.Equal(steady.Report.FlowsCreated, report.FlowsCreated);
        Assert.Equal(steady.Report.Forwarded, report.Forwarded);
        Assert.Equal(File.ReadAllBytes(steady.Output), File.ReadAllBytes(reloaded));
    }

    /// <summary>
    /// The SIP ALG turned off and on again by reloads: while it is off the signalling passes as it is, and once it
    /// is back the same UDP flow is translated again from its next datagram (RFC 3261 §18.3: each stands alone).
    /// </summary>
    [Fact]
    public void A_sip_alg_turned_off_and_on_by_reloads_translates_the_same_udp_flow_again()
    {
        var policy = Policy(GatewayConfig);
        var off = Policy(GatewayConfig + "no ip nat service sip udp port 5060\n");
        var inputs = new[] { new ReplayInput(Path.Combine(EngineTestPaths.CorpusPcaps, "ntop_nDPI__sip.pcap")) };

        using var gateway = Gateway.Create(policy, EngineMode.Interpreter);
        var output = Path.Combine(_directory, "toggled.pcap");
        var report = CaptureReplayer.Run(inputs, output, gateway.Nat, packet =>
        {
            if (packet == 10)
            {
                gateway.Reload(off);
            }
            else if (packet == 20)
            {
                gateway.Reload(policy);
            }
        });

        var steady = Replay(policy, EngineMode.Interpreter, inputs, "steady-sip.pcap");
        Assert.Equal(2, gateway.Reloads);
        Assert.Equal(steady.Report.Forwarded, report.Forwarded);
        var toggled = Frames(output);
        var always = Frames(steady.Output);
        Assert.NotEqual(always.Take(20), toggled.Take(20));
        Assert.Equal(always.Skip(20), toggled.Skip(20));
    }

    private static List<string> Frames(string path)
    {
        var frames = new List<string>();
        using var reader = CaptureReader.Open(path);
        while (reader.TryRead(out var record))
        {
            frames.Add(Convert.ToHexString(record.Data));
        }

        return frames;
    }

    [Fact]
    public async Task Tiered_swaps_mid_replay_without_changing_a_byte()
    {
        var policy = Policy(GatewayConfig);
        var inputs = new[] { new ReplayInput(Path.Combine(EngineTestPaths.CorpusPcaps, "ntop_nDPI__sip.pcap")) };
        var reference = Replay(policy, EngineMode.Interpreter, inputs, "reference.pcap");

        using var gateway = Gateway.Create(policy, EngineMode.Tiered);
        var tiered = Path.Combine(_directory, "tiered.pcap");
        CaptureReplayer.Run(inputs, tiered, gateway.Nat, packet =>
        {
            // Halfway through, wait for the compiled class: the rest of the replay runs on it.
            if (packet == 50)
            {
                gateway.Host.Settled.Wait();
            }
        });
        await gateway.Host.Settled;

        Assert.Equal(EngineTier.Compiled, gateway.Host.Tier);
        Assert.Equal(File.ReadAllBytes(reference.Output), File.ReadAllBytes(tiered));
    }

    private (ReplayReport Report, string Output) Replay(PolicyModel policy, EngineMode mode, IReadOnlyList<ReplayInput> inputs, string name)
    {
        using var gateway = Gateway.Create(policy, mode);
        var output = Path.Combine(_directory, name);
        var report = CaptureReplayer.Run(inputs, output, gateway.Nat);
        return (report, output);
    }

    private static PolicyModel Policy(string text)
    {
        var result = ConfigurationLoader.Load(new SourceText("gateway.cfg", text));
        return result.Policy ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics.Select(d => $"{d.Span.Line}: {d.Code} {d.Message}")));
    }
}
