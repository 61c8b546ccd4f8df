using Alg.Compiler;
using Alg.Compiler.Output;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Cli.Commands;

/// <summary>Loading the configuration a command is given: missing file, its errors, the refusal to go on with them.</summary>
internal static class ConfigurationFile
{
    /// <summary>The policy, or null after printing why not (the exit code says which: 2 no file, 1 errors).</summary>
    public static PolicyModel? LoadPolicy(FileInfo file, string? dialect, TextWriter error, string refusal, out int exitCode) =>
        Load(file, dialect, error, refusal, out exitCode)?.Policy;

    /// <summary>The whole load (policy and source text, for commands that quote lines), or null after printing why not.</summary>
    public static LoadResult? Load(FileInfo file, string? dialect, TextWriter error, string refusal, out int exitCode)
    {
        if (!file.Exists)
        {
            error.WriteLine($"alg: no such file: {file.FullName}");
            exitCode = AlgCommandLine.ExitUsage;
            return null;
        }

        var load = ConfigurationLoader.LoadFile(LintCommand.DisplayPath(file), CommonOptions.ParseDialect(dialect));
        foreach (var diagnostic in load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            error.WriteLine(DiagnosticTextRenderer.Render(diagnostic, load.Source));
        }

        if (load.Policy is not null)
        {
            exitCode = AlgCommandLine.ExitOk;
            return load;
        }

        error.WriteLine($"alg: the configuration has errors; {refusal}");
        exitCode = load.Diagnostics.Any(d => d.Code == DiagnosticCatalog.CannotRead.Code) ? AlgCommandLine.ExitUsage : AlgCommandLine.ExitFindings;
        return null;
    }
}
