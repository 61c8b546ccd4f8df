using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.StdlibAlgs;

namespace Alg.FrontEnd.Tests.Lint;

/// <summary>An option Alg reads but its ALG does not act on is said to be so where it is set (ALG3030, `alg policy`).</summary>
public sealed class UnactedOptionTests
{
    [Fact]
    public void A_set_option_the_alg_ignores_is_named_on_its_line_and_an_acted_on_one_is_not()
    {
        var result = Configs.Load("set security alg sip maximum-call-duration 60\nset security alg sip inactive-media-timeout 300\n", Dialect.Junos);

        var note = Assert.Single(result.WithCode(DiagnosticCatalog.OptionNotActedOn));
        Assert.Equal(1, note.Span.Line);
        Assert.Contains("'maximum-call-duration' of the sip ALG", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alg_policy_marks_the_option_not_acted_on()
    {
        var folder = Directory.CreateTempSubdirectory("alg-unacted-").FullName;
        try
        {
            var path = Path.Combine(folder, "srx.set");
            File.WriteAllText(path, "set security alg sip t4-interval 8\nset security alg sip inactive-media-timeout 300\n");

            var (code, text, _) = CliRunner.Run("policy", path);

            Assert.Equal(0, code);
            Assert.Contains(text.Split('\n'), line => line.Contains("t4-interval = 8", StringComparison.Ordinal) && line.Contains("[not acted on]", StringComparison.Ordinal));
            Assert.DoesNotContain(text.Split('\n'), line => line.Contains("media-timeout", StringComparison.Ordinal) && line.Contains("[not acted on]", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Only_implemented_algs_declare_options_not_acted_on()
    {
        // An ALG that is not implemented acts on none of its options; ALG3029 already says so for the whole ALG.
        Assert.All(AlgCatalog.All.Where(a => !a.Implemented), a => Assert.All(a.Options, o => Assert.True(o.ActedOn)));
    }
}
