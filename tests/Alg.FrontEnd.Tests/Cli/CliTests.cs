using System.Text.Json;
using Alg.FrontEnd.Tests.Support;

namespace Alg.FrontEnd.Tests.Cli;

/// <summary>The `alg` command's contract: exit codes, output formats, help.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alg-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Clean_file_exits_zero()
    {
        var (code, output, _) = CliRunner.Run("lint", Write("ok.cfg", "hostname r1\nno ip nat service sip udp port 5060\nno ip nat service sip tcp port 5060\n"));

        Assert.Equal(0, code);
        Assert.Contains("0 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_exits_one()
    {
        var (code, output, _) = CliRunner.Run("lint", Write("bad.cfg", "ip nat service sipp udp port 5060\n"));

        Assert.Equal(1, code);
        Assert.Contains("error ALG2001", output, StringComparison.Ordinal);
        Assert.Contains("                   ^^^^", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warning_exits_one_only_with_warnaserror()
    {
        var path = Write("warn.cfg", "frobnicate\n");

        Assert.Equal(0, CliRunner.Run("lint", path).ExitCode);
        Assert.Equal(1, CliRunner.Run("lint", path, "--warnaserror").ExitCode);
    }

    [Fact]
    public void Missing_file_and_bad_usage_exit_two()
    {
        Assert.Equal(2, CliRunner.Run("lint", Path.Combine(_directory, "absent.cfg")).ExitCode);
        Assert.Equal(2, CliRunner.Run("lint", "--format", "xml", Write("x.cfg", "hostname x\n")).ExitCode);
        Assert.Equal(2, CliRunner.Run("frobnicate").ExitCode);
    }

    [Fact]
    public void Json_format_has_the_documented_fields()
    {
        var (_, output, _) = CliRunner.Run("lint", "--format", "json", Write("j.cfg", "ip nat service sipp udp port 5060\n"));

        using var document = JsonDocument.Parse(output);
        var first = document.RootElement.EnumerateArray().First(d => d.GetProperty("code").GetString() == "ALG2001");
        foreach (var field in new[] { "file", "line", "column", "endLine", "endColumn", "severity", "code", "message" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal(1, first.GetProperty("line").GetInt32());
        Assert.Equal(16, first.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Sarif_format_is_sarif_2_1_0_with_rules_and_regions()
    {
        var (_, output, _) = CliRunner.Run("lint", "--format", "sarif", Write("s.cfg", "ip nat service sipp udp port 5060\n"));

        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        Assert.Equal("alg", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "ALG2001");
        Assert.Contains("ALG2001", rules);
        Assert.Equal("error", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(1, region.GetProperty("startLine").GetInt32());
        Assert.Equal(16, region.GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void Github_format_prints_workflow_commands()
    {
        var (_, output, _) = CliRunner.Run("lint", "--format", "github", Write("g.cfg", "ip nat service sipp udp port 5060\n"));

        Assert.Matches(@"::error file=.*g\.cfg,line=1,col=16,endLine=1,endColumn=20,title=ALG2001 Unknown ALG::ALG2001: unknown ALG", output);
    }

    [Fact]
    public void Policy_json_has_the_documented_shape()
    {
        var (code, output, _) = CliRunner.Run("policy", "--json", Write("p.cfg", "interface gl0\n ip address 192.168.1.1 255.255.255.0\n ip nat inside\nno ip nat service sip udp port 5060\n"));

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("ios", root.GetProperty("dialect").GetString());
        var iface = root.GetProperty("interfaces")[0];
        Assert.Equal("gl0", iface.GetProperty("name").GetString());
        Assert.Equal("inside", iface.GetProperty("role").GetString());
        Assert.Equal("192.168.1.1/24", iface.GetProperty("address").GetString());
        var sip = root.GetProperty("algs").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "sip");
        Assert.True(sip.GetProperty("enabled").GetBoolean());
        Assert.EndsWith("p.cfg:4", sip.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal("tcp", sip.GetProperty("ports")[0].GetProperty("protocol").GetString());
        Assert.Equal(5060, sip.GetProperty("ports")[0].GetProperty("port").GetInt32());
        Assert.Equal(JsonValueKind.Object, sip.GetProperty("options").ValueKind);
        Assert.True(sip.GetProperty("options").TryGetProperty("media-timeout", out _));
        var ftp = root.GetProperty("algs").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "ftp");
        Assert.Equal("default", ftp.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("nat").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("acls").ValueKind);
        Assert.Equal(300, root.GetProperty("timeouts").GetProperty("udp").GetProperty("seconds").GetInt32());
    }

    [Fact]
    public void Dialect_can_be_forced()
    {
        var (code, output, _) = CliRunner.Run("policy", "--json", "--dialect", "ios", Write("f.cfg", "hostname x\n"));

        Assert.Equal(0, code);
        Assert.Contains("\"dialect\": \"ios\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("policy")]
    [InlineData("ast")]
    public void Every_command_has_help(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--dialect", output, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
