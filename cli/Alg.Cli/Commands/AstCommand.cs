using System.CommandLine;
using Alg.Grammar;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;

namespace Alg.Cli.Commands;

/// <summary>`alg ast FILE`: the parsed AST, as the golden files show it.</summary>
internal static class AstCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "Configuration file." };
        var dialect = CommonOptions.Dialect();
        var command = new Command("ast", "Print the syntax tree a configuration parses to.") { file, dialect };
        command.SetAction(result =>
        {
            var diagnostics = new DiagnosticBag();
            var path = result.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                error.WriteLine($"alg: no such file: {path}");
                return AlgCommandLine.ExitUsage;
            }

            var ast = ConfigurationParser.ParseFile(path, CommonOptions.ParseDialect(result.GetValue(dialect)), diagnostics);
            if (ast is not null)
            {
                output.Write(AstPrinter.Print(ast));
            }

            foreach (var diagnostic in diagnostics.ToSortedList())
            {
                error.WriteLine($"{diagnostic.Span}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}");
            }

            return diagnostics.HasErrors ? AlgCommandLine.ExitFindings : AlgCommandLine.ExitOk;
        });
        return command;
    }
}
