using System.Text;
using Alg.Compiler;
using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.BadInput;

/// <summary>Whatever the input, loading ends in diagnostics or a clean result: no exception, bounded memory.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Binary_garbage_is_refused_with_a_diagnostic()
    {
        var random = new Random(1234);
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);
        var text = Encoding.Latin1.GetString(bytes);

        var result = ConfigurationLoader.Load(new SourceText("garbage.bin", text));

        Assert.Single(result.WithCode(DiagnosticCatalog.NotText));
        Assert.Null(result.Policy);
    }

    [Fact]
    public void Empty_file_is_a_warning_and_dialect_defaults()
    {
        var result = Configs.Load(string.Empty);

        Assert.Single(result.WithCode(DiagnosticCatalog.EmptyConfiguration));
        Assert.True(result.Bound!.Policy.Alg("sip").Enabled);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_reads_the_same(string newline)
    {
        var text = string.Join(newline, "hostname r", "interface e0", "\tip nat outside", "no ip nat service sip udp port 5060", "no ip nat service sip tcp port 5060") + newline;

        var result = Configs.Load(text);

        result.NoErrors();
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        Assert.False(result.Bound!.Policy.Alg("sip").Enabled);
        Assert.Equal(4, result.Bound.Policy.Alg("sip").Spans[0].Line);
    }

    [Fact]
    public void Utf8_bom_is_ignored()
    {
        var result = Configs.Load("\uFEFFhostname bom\n");

        Assert.Equal("bom", result.Bound!.Policy.Hostname);
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
    }

    [Fact]
    public void Megabyte_line_is_skipped_with_a_warning()
    {
        var text = "hostname before\n" + new string('x', 1024 * 1024) + "\nhostname after\n";

        var result = Configs.Load(text);

        Assert.Single(result.WithCode(DiagnosticCatalog.LineTooLong));
        Assert.Equal("after", result.Bound!.Policy.Hostname);
    }

    [Fact]
    public void Unbalanced_quotes_do_not_break_the_next_line()
    {
        var result = Configs.Load("interface e0\n description \"unterminated\n ip nat outside\nhostname \"odd\n");

        Assert.Equal(Alg.Policy.Model.InterfaceRole.Outside, result.Bound!.Policy.Interfaces.Single().Role);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Fifty_megabytes_load_with_bounded_diagnostics()
    {
        var line = "ip nat translation udp-timeout 300 ! ---------------------------------------------------\n";
        var builder = new StringBuilder(50 * 1024 * 1024 + line.Length);
        builder.Append("ip nat translation udp-timeout 300\n");
        while (builder.Length < 50 * 1024 * 1024)
        {
            builder.Append("! comment line ------------------------------------------------------------------\n");
        }

        builder.Append(line);
        var result = Configs.Load(builder.ToString());

        Assert.True(result.Diagnostics.Count <= DiagnosticBag.MaxDiagnostics + 1);
        Assert.Equal(300, result.Bound!.Policy.Timeouts["udp"].Seconds);
    }

    [Fact]
    public void Garbage_lines_are_capped()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            builder.Append("zzz").Append(i).Append(" qqq\n");
        }

        var result = Configs.Load(builder.ToString());

        Assert.Equal(1000, result.WithCode(DiagnosticCatalog.UnrecognizedLine).Count());
        Assert.Single(result.WithCode(DiagnosticCatalog.TooManyUnrecognized));
    }

    [Fact]
    public void Control_characters_and_odd_unicode_inside_text_are_survivable()
    {
        var result = Configs.Load("hostname r\u00e9\ninterface e0\n description caf\u00e9 \u0003 \u2603\n ip nat inside\n");

        Assert.Equal("r\u00e9", result.Bound!.Policy.Hostname);
    }
}
