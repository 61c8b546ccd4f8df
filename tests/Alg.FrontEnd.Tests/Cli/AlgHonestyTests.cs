using System.Text.Json;
using Alg.FrontEnd.Tests.Support;
using Alg.StdlibAlgs;

namespace Alg.FrontEnd.Tests.Cli;

/// <summary>
/// Every output that shows an ALG as on tells whether Alg really carries it out: a configuration that turns
/// on RTSP inspection must not look, in `alg policy`, lint or `alg replay`, as if RTSP were translated.
/// </summary>
public sealed class AlgHonestyTests
{
    [Fact]
    public void A_descriptor_says_implemented_exactly_when_the_library_has_its_handler()
    {
        var handled = StandardAlgs.CreateHandlers().Select(h => h.Descriptor.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(AlgCatalog.All, descriptor => Assert.Equal(handled.Contains(descriptor.Name), descriptor.Implemented));
    }

    public static TheoryData<string> SampleOfEachDialect() =>
    [
        Path.Combine(TestPaths.SamplesDirectory, "office-ios.cfg"),
        Path.Combine(TestPaths.SamplesDirectory, "article-asa-transcript.cfg"),
        Path.Combine(TestPaths.GoldenDirectory, "screenos-nat.cfg"),
        Path.Combine(TestPaths.GoldenDirectory, "junos-alg.cfg"),
    ];

    [Theory]
    [MemberData(nameof(SampleOfEachDialect))]
    public void Alg_policy_marks_every_on_but_unimplemented_alg_in_text_and_json(string path)
    {
        var (code, json, _) = CliRunner.Run("policy", path, "--json");
        var (_, text, _) = CliRunner.Run("policy", path);

        Assert.Equal(0, code);
        var algSection = text[text.IndexOf("\nalgs:\n", StringComparison.Ordinal)..];
        algSection = algSection[..algSection.IndexOf("\n\n", 1, StringComparison.Ordinal)];
        using var document = JsonDocument.Parse(json);
        var algs = document.RootElement.GetProperty("algs").EnumerateArray().ToList();
        Assert.Contains(algs, alg => alg.GetProperty("enabled").GetBoolean() && !alg.GetProperty("implemented").GetBoolean());
        foreach (var alg in algs)
        {
            var name = alg.GetProperty("name").GetString()!;
            Assert.Equal(AlgCatalog.Get(name).Implemented, alg.GetProperty("implemented").GetBoolean());
            var line = algSection.Split('\n').Single(l => l.StartsWith($"  {name} ", StringComparison.Ordinal));
            var marked = line.Contains("[not implemented", StringComparison.Ordinal);
            Assert.Equal(alg.GetProperty("enabled").GetBoolean() && !AlgCatalog.Get(name).Implemented, marked);
        }
    }

    [Fact]
    public void Lint_names_the_line_that_turns_an_unimplemented_alg_on()
    {
        var result = Configs.Load("ASA Version 9.8(4)\npolicy-map global_policy\n class inspection_default\n  inspect rsh\n  inspect skinny\n  inspect ftp\n  inspect sqlnet\n  inspect sunrpc\n");

        var notes = result.WithCode(Alg.Policy.Diagnostics.DiagnosticCatalog.AlgNotImplemented).ToList();
        Assert.Contains(notes, n => n.Span.Line == 4 && n.Message.Contains("rsh (turned on by this line)", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Span.Line == 5 && n.Message.Contains("skinny", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Message.Contains("sip", StringComparison.Ordinal) || n.Message.Contains("tftp", StringComparison.Ordinal) || n.Message.Contains("ftp", StringComparison.Ordinal) || n.Message.Contains("sqlnet", StringComparison.Ordinal) || n.Message.Contains("sunrpc", StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_says_which_alg_it_did_not_run()
    {
        var folder = Directory.CreateTempSubdirectory("alg-honest-").FullName;
        try
        {
            var config = Path.Combine(folder, "edge.cfg");
            File.WriteAllText(config, "interface Gi0\n ip address 203.0.113.1 255.255.255.0\n ip nat outside\ninterface Gi1\n ip address 10.0.0.1 255.255.255.0\n ip nat inside\naccess-list 1 permit 10.0.0.0 0.0.0.255\nip nat inside source list 1 interface Gi0 overload\n");
            var capture = Path.Combine(folder, "empty.pcap");
            File.WriteAllBytes(capture, [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0]);

            var (code, output, error) = CliRunner.Run("replay", "--config", config, "-o", Path.Combine(folder, "out.pcap"), capture);

            Assert.True(code == 0, error);
            Assert.Contains("not implemented: ", output, StringComparison.Ordinal);
            Assert.Contains("skinny", output, StringComparison.Ordinal);
            Assert.DoesNotContain("pptp", output, StringComparison.Ordinal);
            Assert.DoesNotContain("h323", output, StringComparison.Ordinal);
            Assert.DoesNotContain("sip,", output, StringComparison.Ordinal);
            Assert.DoesNotContain("ftp,", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
