using System.CommandLine;
using Alg.Compiler;
using Alg.Compiler.Output;
using Alg.Policy.Diagnostics;

namespace Alg.Cli.Commands;

/// <summary>`alg policy FILE [--json]`: the effective vendor-neutral policy, with where each setting came from.</summary>
internal static class PolicyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "Configuration file." };
        var dialect = CommonOptions.Dialect();
        var json = new Option<bool>("--json") { Description = "Print the policy as JSON." };
        var command = new Command("policy", "Print the effective policy a configuration turns on.") { file, dialect, json };
        command.SetAction(result =>
        {
            var info = result.GetValue(file)!;
            if (!info.Exists)
            {
                error.WriteLine($"alg: no such file: {info.FullName}");
                return AlgCommandLine.ExitUsage;
            }

            var load = ConfigurationLoader.LoadFile(LintCommand.DisplayPath(info), CommonOptions.ParseDialect(result.GetValue(dialect)));
            foreach (var diagnostic in load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                error.WriteLine(DiagnosticTextRenderer.Render(diagnostic, load.Source));
            }

            if (load.Bound is null)
            {
                return load.Diagnostics.Any(d => d.Code == DiagnosticCatalog.CannotRead.Code) ? AlgCommandLine.ExitUsage : AlgCommandLine.ExitFindings;
            }

            output.Write(result.GetValue(json) ? PolicyJsonWriter.Write(load.Bound.Policy) + "\n" : PolicyTextWriter.Write(load.Bound.Policy));
            return load.HasErrors ? AlgCommandLine.ExitFindings : AlgCommandLine.ExitOk;
        });
        return command;
    }
}
