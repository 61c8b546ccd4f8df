using Alg.Compiler;
using Alg.DeviceConsole.Tests.Support;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Tests.Transcripts;

/// <summary>The seed's two transcripts, pasted into <c>alg console</c> as they are (prompts, trailing " |").</summary>
public sealed class SeedTranscriptTests
{
    private static string Seed(string name) => File.ReadAllText(Path.Combine(TestPaths.Samples, name));

    private static bool SipOn(string path, Dialect dialect) =>
        ConfigurationLoader.LoadFile(path, dialect).Policy!.FindAlg("sip")!.Enabled;

    [Fact]
    public void The_ios_transcript_on_a_file_turns_sip_off_and_its_show_run_prints_both_lines()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("ios-gateway.cfg");
        Assert.True(SipOn(path, Dialect.Ios));
        var (code, output) = ConsoleRun.ScriptOnFile(path, Dialect.Ios, Seed("article-ios-transcript.cfg") + "end\nwrite memory\n");
        Assert.True(code == 0, output);
        var shown = output.Split('\n').SkipWhile(l => !l.EndsWith("do show run | inc nat service sip", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.Contains('#', StringComparison.Ordinal)).ToList();
        Assert.Equal(["no ip nat service sip tcp port 5060", "no ip nat service sip udp port 5060"], shown);
        Assert.False(SipOn(path, Dialect.Ios));
    }

    [Fact]
    public void The_asa_transcript_on_a_file_turns_sip_off()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("asa-gateway.cfg");
        Assert.True(SipOn(path, Dialect.Asa));
        var (code, output) = ConsoleRun.ScriptOnFile(path, Dialect.Asa, Seed("article-asa-transcript.cfg") + "write memory\n");
        Assert.True(code == 0, output);
        Assert.Contains("ciscofirewall(config-pmap)# no inspect sip", output, StringComparison.Ordinal);
        Assert.False(SipOn(path, Dialect.Asa));
        Assert.DoesNotContain("inspect sip", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains("  inspect ftp", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ios_transcript_against_a_running_gateway_turns_its_sip_alg_off_at_once()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        Assert.True(gateway.SipAlgOn);
        var (code, output) = ConsoleRun.ScriptOnGateway(gateway.SocketPath, Dialect.Ios, Seed("article-ios-transcript.cfg"));
        Assert.True(code == 0, output);
        Assert.False(gateway.SipAlgOn);
        Assert.Contains("no ip nat service sip tcp port 5060\nno ip nat service sip udp port 5060\n", output, StringComparison.Ordinal);
        Assert.Contains("no ip nat service sip udp port 5060", gateway.Running().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_asa_transcript_against_a_running_gateway_turns_its_sip_alg_off_at_once()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("asa-gateway.cfg"));
        Assert.True(gateway.SipAlgOn);
        var (code, output) = ConsoleRun.ScriptOnGateway(gateway.SocketPath, Dialect.Asa, Seed("article-asa-transcript.cfg"));
        Assert.True(code == 0, output);
        Assert.False(gateway.SipAlgOn);
    }

    [Fact]
    public void A_script_stops_at_its_first_refused_line_with_exit_code_1()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("ios-gateway.cfg");
        var (code, output) = ConsoleRun.ScriptOnFile(path, Dialect.Ios, "conf t\nip nat translation udp-timeout banana\nno ip nat service sip udp port 5060\nend\nwrite memory\n");
        Assert.Equal(1, code);
        Assert.Contains("% script(2,32): error ALG1002", output, StringComparison.Ordinal);
        Assert.Contains("stopped at line 2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no ip nat service sip udp port 5060", output, StringComparison.Ordinal);
        Assert.True(SipOn(path, Dialect.Ios));
    }

    [Fact]
    public void A_screenos_session_unsets_the_sip_alg_and_save_writes_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("screenos-gateway.cfg");
        Assert.True(SipOn(path, Dialect.ScreenOs));
        var (code, output) = ConsoleRun.ScriptOnFile(path, Dialect.ScreenOs, "ssg5-> unset alg sip enable |\nssg5-> get config | include alg |\nssg5-> save |\n");
        Assert.True(code == 0, output);
        Assert.Contains("ssg5-> unset alg sip enable", output, StringComparison.Ordinal);
        Assert.False(SipOn(path, Dialect.ScreenOs));
        Assert.DoesNotContain("set alg sip enable", File.ReadAllLines(path));
    }
}
