using System.CommandLine;
using System.Text;
using Alg.Compiler;
using Alg.Compiler.Lint;
using Alg.Compiler.Output;
using Alg.Policy.Diagnostics;

namespace Alg.Cli.Commands;

/// <summary>`alg lint FILE...`: every diagnostic of every file; exit 1 on an error (or a warning with --warnaserror).</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Configuration files to check.", Arity = ArgumentArity.OneOrMore };
        var dialect = CommonOptions.Dialect();
        var format = new Option<string>("--format")
        {
            Description = "Output format: text, json, sarif (GitHub code scanning) or github (workflow annotations).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors for the exit code." };
        var profileOption = new Option<FileInfo?>("--profile")
        {
            Description = $"Per-rule severities and per-path overrides (default: the nearest {LintProfile.FileName} in this folder or above).",
        };
        var noProfile = new Option<bool>("--no-profile") { Description = $"Ignore any {LintProfile.FileName}." };
        var command = new Command("lint", "Check configurations and report problems with file, line, column and code.") { files, dialect, format, warnAsError, profileOption, noProfile };
        command.SetAction(result =>
        {
            var profilePath = result.GetValue(noProfile) ? null : result.GetValue(profileOption)?.FullName ?? LintProfile.Find(Directory.GetCurrentDirectory());
            LintProfile? profile = null;
            if (profilePath is not null)
            {
                var problems = new DiagnosticBag();
                profile = LintProfile.Load(profilePath, problems);
                if (profile is null)
                {
                    foreach (var problem in problems.Items)
                    {
                        error.WriteLine(DiagnosticTextRenderer.Render(problem, null));
                    }

                    return AlgCommandLine.ExitUsage;
                }
            }

            var suppressedTotal = 0;
            var all = new List<Diagnostic>();
            var sources = new Dictionary<string, Alg.Policy.Text.SourceText>(StringComparer.Ordinal);
            foreach (var file in result.GetValue(files)!)
            {
                if (!file.Exists)
                {
                    error.WriteLine($"alg: no such file: {file.FullName}");
                    return AlgCommandLine.ExitUsage;
                }

                var load = ConfigurationLoader.LoadFile(DisplayPath(file), CommonOptions.ParseDialect(result.GetValue(dialect)));
                if (load.Source is not null)
                {
                    sources[load.Source.Path] = load.Source;
                }

                if (load.Diagnostics.Any(d => d.Code == DiagnosticCatalog.CannotRead.Code))
                {
                    foreach (var diagnostic in load.Diagnostics)
                    {
                        error.WriteLine(DiagnosticTextRenderer.Render(diagnostic, null));
                    }

                    return AlgCommandLine.ExitUsage;
                }

                if (profile is null)
                {
                    all.AddRange(load.Diagnostics);
                }
                else
                {
                    all.AddRange(profile.Apply(file.FullName, load.Diagnostics, out var suppressed));
                    suppressedTotal += suppressed;
                }
            }

            switch (result.GetValue(format))
            {
                case "json":
                    output.WriteLine(DiagnosticJsonWriter.Write(all));
                    break;
                case "sarif":
                    output.WriteLine(SarifWriter.Write(all, Directory.GetCurrentDirectory()));
                    break;
                case "github":
                    output.Write(GithubAnnotationWriter.Write(all));
                    break;
                default:
                    // One write for the whole report: the console writer flushes on every call, and a long file's
                    // thousands of findings were as many write system calls.
                    var report = new StringBuilder();
                    foreach (var diagnostic in all)
                    {
                        report.Append(DiagnosticTextRenderer.Render(diagnostic, sources.GetValueOrDefault(diagnostic.Span.File))).Append(output.NewLine);
                    }

                    output.Write(report.ToString());
                    var errors = all.Count(d => d.Severity == DiagnosticSeverity.Error);
                    var warnings = all.Count(d => d.Severity == DiagnosticSeverity.Warning);
                    var silenced = suppressedTotal > 0 ? $", {suppressedTotal} turned off by {LintCommand.DisplayPath(new FileInfo(profile!.Path))}" : string.Empty;
                    output.WriteLine($"{errors} error(s), {warnings} warning(s), {all.Count - errors - warnings} info(s){silenced}");
                    break;
            }

            var failed = all.Any(d => d.Severity == DiagnosticSeverity.Error)
                || (result.GetValue(warnAsError) && all.Any(d => d.Severity == DiagnosticSeverity.Warning));
            return failed ? AlgCommandLine.ExitFindings : AlgCommandLine.ExitOk;
        });
        return command;
    }

    // Paths as the user typed them (relative stays relative), so CI annotations point into the repository.
    internal static string DisplayPath(FileInfo file)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file.FullName);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file.FullName : relative;
    }
}
