using Alg.Compiler;
using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Compiler.Output;
using Alg.Policy.Text;

namespace Alg.Engine.Tests;

/// <summary>
/// The two back-end stages as golden files for the bundled samples and the front end's golden configurations: the
/// lowered IR (<c>.ir.txt</c>, what both engines run) and the generated C# (<c>.cs</c>, the compiled engine).
/// scripts/update-golden.sh rewrites them (ALG_UPDATE_GOLDEN=1); a missing file fails rather than being created.
/// </summary>
[Trait("Category", "Golden")]
public sealed class GoldenPipelineTests
{
    private static readonly string GoldenDirectory = Path.Combine(EngineTestPaths.RepositoryRoot, "tests", "golden", "pipeline");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Inputs())
        {
            data.Add(Path.GetRelativePath(EngineTestPaths.RepositoryRoot, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ir_matches_golden(string input)
    {
        var program = Lower(input);
        Compare(input, ".ir.txt", program is null ? "(no program: the configuration has errors)\n" : PipelineProgramWriter.Write(program));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_matches_golden(string input)
    {
        var program = Lower(input);
        Compare(input, ".cs", program is null ? "// no program: the configuration has errors\n" : PipelineEmitter.Emit(program, PipelineEmitter.BuildTables(program), Path.GetFileName(input)));
    }

    [Fact]
    public void Every_golden_file_has_its_input()
    {
        var expected = Inputs().SelectMany(p => new[] { Name(p) + ".ir.txt", Name(p) + ".cs" }).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.EnumerateFiles(GoldenDirectory).Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList();
        Assert.Empty(stale);
    }

    private static IEnumerable<string> Inputs() =>
        Directory.EnumerateFiles(Path.Combine(EngineTestPaths.RepositoryRoot, "samples"), "*.cfg")
            .Concat(Directory.EnumerateFiles(Path.Combine(EngineTestPaths.RepositoryRoot, "tests", "golden", "frontend"), "*.cfg"))
            .Order(StringComparer.Ordinal);

    private static string Name(string path) => Path.GetFileNameWithoutExtension(path);

    private static Alg.Runtime.Pipeline.Ir.PipelineProgram? Lower(string input)
    {
        var path = Path.Combine(EngineTestPaths.RepositoryRoot, input);
        var result = ConfigurationLoader.Load(new SourceText(Path.GetFileName(path), File.ReadAllText(path)));
        return result.Policy is { } policy ? PolicyLowerer.Lower(policy) : null;
    }

    private static void Compare(string input, string extension, string actual)
    {
        var path = Path.Combine(GoldenDirectory, Name(input) + extension);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("ALG_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing: run scripts/update-golden.sh and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
