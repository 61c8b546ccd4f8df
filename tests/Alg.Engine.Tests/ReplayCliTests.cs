using System.Text.Json;
using Alg.Cli;

namespace Alg.Engine.Tests;

/// <summary>`alg replay` and `alg compile` as a user runs them.</summary>
public sealed class ReplayCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alg-replay-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Json_summary_has_the_documented_fields()
    {
        var (code, output, _) = Run("replay", "--config", Config(Gateway), "-o", Out("o.pcap"), "--json", Capture("ntop_nDPI__sip.pcap"));

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.True(root.GetProperty("packetsIn").GetInt64() > 0);
        Assert.True(root.GetProperty("forwarded").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("dropped").ValueKind);
        Assert.True(root.GetProperty("flows").GetInt64() > 0);
        Assert.True(root.GetProperty("pinholes").TryGetProperty("opened", out _));
        Assert.True(root.GetProperty("pinholes").TryGetProperty("used", out _));
        Assert.True(File.Exists(Out("o.pcap")));
    }

    [Fact]
    public void Engines_write_byte_identical_files()
    {
        Assert.Equal(0, Run("replay", "--config", Config(Gateway), "-o", Out("i.pcap"), "--engine", "interpreter", Capture("zeek_zeek__ftp__ipv4.pcap")).ExitCode);
        Assert.Equal(0, Run("replay", "--config", Config(Gateway), "-o", Out("c.pcap"), "--engine", "compiled", Capture("zeek_zeek__ftp__ipv4.pcap")).ExitCode);

        Assert.Equal(File.ReadAllBytes(Out("i.pcap")), File.ReadAllBytes(Out("c.pcap")));
    }

    [Fact]
    public void A_configuration_with_errors_is_refused_with_its_diagnostics()
    {
        var (code, _, error) = Run("replay", "--config", Config("ip nat service sipp udp port 5060\n"), "-o", Out("x.pcap"), Capture("ntop_nDPI__sip.pcap"));

        Assert.Equal(1, code);
        Assert.Contains("ALG2001", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("x.pcap")));
    }

    [Fact]
    public void A_truncated_capture_is_a_clear_error_naming_the_record()
    {
        var bytes = File.ReadAllBytes(Capture("ntop_nDPI__sip.pcap"));
        var truncated = Path.Combine(_directory, "truncated.pcap");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length - 37)]);

        var (code, _, error) = Run("replay", "--config", Config(Gateway), "-o", Out("t.pcap"), truncated);

        Assert.Equal(2, code);
        Assert.Contains("record", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_emits_readable_csharp()
    {
        var (code, output, _) = Run("compile", Config(Gateway), "--emit", Out("pipeline.cs"));

        Assert.Equal(0, code);
        Assert.Contains("compiled Pipeline_", output, StringComparison.Ordinal);
        var source = File.ReadAllText(Out("pipeline.cs"));
        Assert.Contains("public sealed class Pipeline_", source, StringComparison.Ordinal);
        Assert.Contains("public int DispatchAlg(byte protocol, ushort port)", source, StringComparison.Ordinal);
    }

    private const string Gateway =
        "interface gl0\n ip address 192.168.1.1 255.255.255.0\n ip nat inside\n" +
        "interface gw0\n ip address 203.0.113.1 255.255.255.0\n ip nat outside\n" +
        "access-list 1 permit any\nip nat inside source list 1 interface gw0 overload\n";

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AlgCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Capture(string name) => Path.Combine(EngineTestPaths.CorpusPcaps, name);

    private string Config(string text)
    {
        var path = Path.Combine(_directory, $"c{Guid.NewGuid():N}.cfg");
        File.WriteAllText(path, text);
        return path;
    }

    private string Out(string name) => Path.Combine(_directory, name);
}
