using System.Text.Json;
using Alg.Cli;

namespace Alg.Engine.Tests.Doctor;

/// <summary>`alg doctor` as a user runs it: text, JSON, exit codes and bad input.</summary>
public sealed class DoctorCliTests : IDisposable
{
    private static readonly string[] Verdicts = ["ok", "one-way", "no-audio", "not-established"];

    private readonly string _directory = Directory.CreateTempSubdirectory("alg-doctor-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_one_way_call_prints_the_verdict_the_cause_the_config_line_and_the_fix()
    {
        var (code, output, error) = Run("doctor", "--config", DoctorLab.Config("gateway-ios-no-sip-alg.cfg"), DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"));

        Assert.Equal(1, code);
        Assert.Empty(error);
        Assert.Contains("verdict  ONE-WAY: the caller hears nothing from the callee", output, StringComparison.Ordinal);
        Assert.Contains("cause    private-address-in-sdp:", output, StringComparison.Ordinal);
        Assert.Contains("gateway-ios-no-sip-alg.cfg:25: no ip nat service sip udp port 5060", output, StringComparison.Ordinal);
        Assert.Contains("fix    ip nat service sip udp port 5060", output, StringComparison.Ordinal);
        Assert.Contains("lan0.pcap #3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_call_exits_0()
    {
        var (code, output, _) = Run("doctor", DoctorLab.Capture("sip-udp-helper", "lan0.pcap"));

        Assert.Equal(0, code);
        Assert.Contains("verdict  OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_an_array_with_one_object_per_call_and_its_evidence()
    {
        var (code, output, _) = Run(
            "doctor", "--json", "--config", DoctorLab.Config("gateway-ios.cfg"),
            DoctorLab.Capture("sip-stun-rewritten", "lan0.pcap"), DoctorLab.Capture("sip-stun-rewritten", "gw0-broken-alg.pcap"));

        Assert.Equal(1, code);
        using var document = JsonDocument.Parse(output);
        var call = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Contains(call.GetProperty("verdict").GetString(), Verdicts);
        Assert.Equal("one-way", call.GetProperty("verdict").GetString());
        Assert.Equal("callee", call.GetProperty("silent").GetString());
        Assert.Equal(JsonValueKind.String, call.GetProperty("callId").ValueKind);
        Assert.Equal(JsonValueKind.String, call.GetProperty("caller").ValueKind);
        Assert.Equal(JsonValueKind.String, call.GetProperty("callee").ValueKind);
        Assert.Equal(2, call.GetProperty("captures").GetArrayLength());
        Assert.Equal(12, call.GetProperty("signalling").GetArrayLength());
        var invite = call.GetProperty("signalling")[0];
        Assert.Equal("INVITE", invite.GetProperty("message").GetString());
        Assert.Equal("203.0.113.1:6000", invite.GetProperty("sdp").GetProperty("audio").GetString());
        Assert.Equal(4, call.GetProperty("offerAnswer").GetArrayLength());
        var media = call.GetProperty("media");
        Assert.Equal(2, media.GetArrayLength());
        var silent = media.EnumerateArray().Single(m => !m.GetProperty("heard").GetBoolean());
        Assert.Equal("203.0.113.99:6000", silent.GetProperty("announced").GetString());
        var rtp = silent.GetProperty("rtp")[0];
        Assert.Equal(236, rtp.GetProperty("packets").GetInt32());
        Assert.EndsWith("Z", rtp.GetProperty("first").GetString(), StringComparison.Ordinal);
        Assert.True(rtp.GetProperty("lastOffset").GetDouble() > rtp.GetProperty("firstOffset").GetDouble());
        var cause = Assert.Single(call.GetProperty("causes").EnumerateArray());
        Assert.Equal("alg-rewrote-public-address", cause.GetProperty("code").GetString());
        var config = cause.GetProperty("config");
        Assert.Equal(JsonValueKind.Null, config.GetProperty("line").ValueKind);
        Assert.True(config.GetProperty("default").GetBoolean());
        Assert.Equal("no ip nat service sip udp port 5060", Assert.Single(config.GetProperty("fix").EnumerateArray()).GetString());
    }

    [Fact]
    public void Json_gives_the_config_line_number_when_a_line_decides()
    {
        var (_, output, _) = Run("doctor", "--json", "--config", DoctorLab.Config("gateway-ios-no-sip-alg.cfg"), DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"));

        using var document = JsonDocument.Parse(output);
        var config = document.RootElement[0].GetProperty("causes")[0].GetProperty("config");
        Assert.Equal(25, config.GetProperty("line").GetInt32());
        Assert.Equal("no ip nat service sip udp port 5060", config.GetProperty("text").GetString());
        Assert.Equal("ip nat service sip udp port 5060", config.GetProperty("fix")[0].GetString());
    }

    [Fact]
    public void A_capture_without_calls_says_so()
    {
        var (code, output, _) = Run("doctor", DoctorLab.Capture("nat-basic", "lan0.pcap"));
        var (jsonCode, json, _) = Run("doctor", "--json", DoctorLab.Capture("nat-basic", "lan0.pcap"));

        Assert.Equal(0, code);
        Assert.Contains("no SIP call", output, StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        Assert.Equal("[]", json.Trim());
    }

    [Fact]
    public void Captures_with_the_same_file_name_are_told_apart_by_their_paths()
    {
        var lan0 = DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap");

        var (code, output, error) = Run("doctor", lan0, DoctorLab.Capture("sip-udp-helper", "lan0.pcap"), lan0);

        Assert.Empty(error);
        Assert.Equal(1, code);
        Assert.Contains($"{lan0} (3)", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split('\n').Count(line => line.StartsWith("call ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_missing_capture_is_a_usage_error()
    {
        var (code, _, error) = Run("doctor", Path.Combine(_directory, "nothing.pcap"));

        Assert.Equal(2, code);
        Assert.StartsWith("alg: no such file:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_garbage_capture_is_one_clear_line()
    {
        var path = Path.Combine(_directory, "garbage.pcap");
        File.WriteAllText(path, "this is not a capture\n");

        var (code, _, error) = Run("doctor", path);

        Assert.Equal(2, code);
        Assert.Equal("alg: garbage.pcap: unknown magic number 0x73696874 (not a pcap or pcapng file)", error.Trim());
    }

    [Fact]
    public void A_capture_cut_in_the_middle_of_a_record_names_the_record_without_a_stack_trace()
    {
        var bytes = File.ReadAllBytes(DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"));
        var path = Path.Combine(_directory, "cut.pcap");
        File.WriteAllBytes(path, bytes[..50_000]);

        var (code, _, error) = Run("doctor", path);

        Assert.Equal(2, code);
        Assert.Contains("cut.pcap: record", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_with_errors_is_refused()
    {
        var config = Path.Combine(_directory, "bad.cfg");
        File.WriteAllText(config, "ip nat service sipp udp port 5060\n");

        var (code, output, error) = Run("doctor", "--config", config, DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"));

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("nothing was diagnosed", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AlgCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
