using System.CommandLine;
using Alg.DeviceConsole;

namespace Alg.Cli.Commands;

/// <summary>`alg console [--config FILE] [--control PATH] [--dialect …]`: the device's command line, on a running gateway or a file.</summary>
internal static class ConsoleCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<FileInfo?>("--config") { Description = "Edit this configuration file alone (no gateway); 'write memory' saves it." };
        var control = RunCommand.ControlOption();
        control.Description = "Attach to the running 'alg run' at this control socket (the default when --config is not given).";
        var dialect = CommonOptions.Dialect();
        var command = new Command("console", "The router's command line: conf t, show run | inc …, no ip nat service sip …, write memory. Each change is checked, compiled and loaded into the running gateway at once. With standard input not a terminal, runs it as a pasted session and exits 1 at the first refused line.")
        {
            config, control, dialect,
        };
        command.SetAction(result =>
        {
            var file = result.GetValue(config);
            if (file is not null && !file.Exists)
            {
                error.WriteLine($"alg: no such file: {file.FullName}");
                return AlgCommandLine.ExitUsage;
            }

            var script = Console.IsInputRedirected ? Console.In : null;
            return DeviceConsoleProgram.Run(
                file is null ? null : LintCommand.DisplayPath(file),
                result.GetValue(control)!,
                CommonOptions.ParseDialect(result.GetValue(dialect)),
                script,
                output,
                error);
        });
        return command;
    }
}
