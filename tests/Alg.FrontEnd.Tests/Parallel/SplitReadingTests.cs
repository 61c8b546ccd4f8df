using System.Text;
using Alg.FrontEnd.Tests.Support;
using Alg.Grammar;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.Parallel;

/// <summary>
/// A long file is read by two threads, the second starting at a line in the middle (LineFrontEnd). Whatever line
/// the second reader starts at, the AST, the ignored and unrecognised lines and the diagnostics, in order, must be
/// exactly what one reader gives: checked on every corpus configuration, sample and golden input, with the second
/// reader started at many points of each.
/// </summary>
public sealed class SplitReadingTests
{
    private static readonly double[] SplitPoints = [0.02, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var folders = new[] { TestPaths.CorpusConfigs, TestPaths.CorpusWildConfigs, TestPaths.SamplesDirectory, TestPaths.GoldenDirectory };
        foreach (var folder in folders)
        {
            foreach (var path in Directory.EnumerateFiles(folder).Where(IsConfiguration).Order(StringComparer.Ordinal))
            {
                data.Add(path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Two_readers_give_exactly_what_one_reader_gives(string path)
    {
        var source = new SourceText(Path.GetFileName(path), File.ReadAllText(path));
        var expected = Read(source, splitAt: 0, out _);

        foreach (var splitAt in SplitPoints)
        {
            var actual = Read(source, splitAt, out _);
            Assert.True(expected == actual, $"split at {splitAt:P0} of {path} changed the result:\n{FirstDifference(expected, actual)}");
        }
    }

    [Fact]
    public void The_second_reader_is_used_on_the_corpus()
    {
        // The test above would pass if the hand-over never happened; most split points of real files must take it.
        var handedOver = 0;
        var tried = 0;
        foreach (var path in Directory.EnumerateFiles(TestPaths.CorpusConfigs).Concat(Directory.EnumerateFiles(TestPaths.CorpusWildConfigs)).Where(IsConfiguration))
        {
            var source = new SourceText(Path.GetFileName(path), File.ReadAllText(path));
            foreach (var splitAt in SplitPoints)
            {
                Read(source, splitAt, out var split);
                tried++;
                handedOver += split ? 1 : 0;
            }
        }

        Assert.True(handedOver * 2 > tried, $"the second reader was used at {handedOver} of {tried} split points");
    }

    [Fact]
    public void A_long_acl_file_is_read_by_two_threads_with_the_same_result()
    {
        var text = new StringBuilder("hostname edge\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append("access-list ").Append(100 + (i / 100)).Append(" permit tcp 10.0.").Append(i % 250).Append(".0 0.0.0.255 host 192.0.2.1 eq ").Append(1024 + i).Append('\n');
            if (i % 500 == 0)
            {
                text.Append("interface Gi0/").Append(i / 500).Append("\n ip address 10.9.").Append(i / 500).Append(".1 255.255.255.0\n ip access-group 100 in\n no ip redirects\n");
            }
        }

        var source = new SourceText("acl.cfg", text.ToString());
        var expected = Read(source, splitAt: 0, out _);
        var automatic = Read(source, splitAt: null, out var split);

        Assert.True(split || Environment.ProcessorCount < 2);
        Assert.Equal(expected, automatic);
    }

    private static bool IsConfiguration(string path) =>
        !path.EndsWith(".txt", StringComparison.Ordinal) && !path.EndsWith(".json", StringComparison.Ordinal) && !path.EndsWith(".md", StringComparison.Ordinal);

    private static string Read(SourceText source, double? splitAt, out bool handedOver)
    {
        var diagnostics = new DiagnosticBag();
        var ast = ConfigurationParser.Parse(source, dialect: null, diagnostics, splitAt, out handedOver);
        var text = new StringBuilder();
        if (ast is not null)
        {
            text.Append(AstPrinter.Print(ast));
            foreach (var ignored in ast.Ignored)
            {
                text.Append(ignored.Span).Append('\n');
            }

            foreach (var line in ast.Unrecognized)
            {
                text.Append(line.Span).Append('\n');
            }
        }

        foreach (var diagnostic in diagnostics.Items)
        {
            text.Append(diagnostic.Code).Append(' ').Append(diagnostic.Severity).Append(' ').Append(diagnostic.Span).Append(' ').Append(diagnostic.Message).Append('\n');
        }

        return text.ToString();
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
        {
            if (expectedLines[i] != actualLines[i])
            {
                return $"line {i + 1}:\n  one reader:  {expectedLines[i]}\n  two readers: {actualLines[i]}";
            }
        }

        return $"lengths differ: {expectedLines.Length} vs {actualLines.Length} lines";
    }
}
