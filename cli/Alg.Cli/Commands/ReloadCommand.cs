using System.CommandLine;
using Alg.Host.Control;

namespace Alg.Cli.Commands;

/// <summary>`alg reload [--control PATH]`: the running gateway loads its configuration file again.</summary>
internal static class ReloadCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var control = RunCommand.ControlOption();
        var command = new Command("reload", "Ask the running 'alg run' to load its configuration file again (as SIGHUP does). Errors keep the running configuration.") { control };
        command.SetAction(result =>
        {
            bool ok;
            string text;
            try
            {
                (ok, text) = ControlClient.Send(result.GetValue(control)!, ControlProtocol.Reload);
            }
            catch (IOException unreachable)
            {
                error.WriteLine($"alg: {unreachable.Message}");
                return AlgCommandLine.ExitUsage;
            }

            (ok ? output : error).Write(text);
            return ok ? AlgCommandLine.ExitOk : AlgCommandLine.ExitFindings;
        });
        return command;
    }
}
