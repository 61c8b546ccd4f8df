using System.CommandLine;
using Alg.Cli.Commands;

namespace Alg.Cli;

/// <summary>The `alg` command: its sub-commands and the exit-code contract (0 ok, 1 findings, 2 usage or I/O).</summary>
public static class AlgCommandLine
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Alg: a policy compiler and application layer gateway. Reads Cisco IOS, Cisco ASA, Juniper ScreenOS and Junos configurations.");
        root.Subcommands.Add(LintCommand.Create(output, error));
        root.Subcommands.Add(PolicyCommand.Create(output, error));
        root.Subcommands.Add(CompileCommand.Create(output, error));
        root.Subcommands.Add(ReplayCommand.Create(output, error));
        root.Subcommands.Add(AstCommand.Create(output, error));
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(ReloadCommand.Create(output, error));
        root.Subcommands.Add(StatusCommand.Create(output, error));
        root.Subcommands.Add(DoctorCommand.Create(output, error));
        root.Subcommands.Add(ConsoleCommand.Create(output, error));
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"alg: {parseError.Message}");
            }

            error.WriteLine("Run 'alg --help' for usage.");
            return ExitUsage;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
        }
        catch (IOException io)
        {
            error.WriteLine($"alg: {io.Message}");
            return ExitUsage;
        }
    }
}
