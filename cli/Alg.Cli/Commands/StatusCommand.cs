using System.CommandLine;
using Alg.Host.Control;

namespace Alg.Cli.Commands;

/// <summary>`alg status [--json] [--control PATH]`: engine tier, configuration, flows, pinholes and counters of the running gateway.</summary>
internal static class StatusCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var control = RunCommand.ControlOption();
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var command = new Command("status", "Show the running 'alg run': engine tier, configuration and fingerprint, flows, pinholes, per-ALG counters, drops.") { control, json };
        command.SetAction(result =>
        {
            bool ok;
            string text;
            try
            {
                (ok, text) = ControlClient.Send(result.GetValue(control)!, result.GetValue(json) ? ControlProtocol.StatusJson : ControlProtocol.Status);
            }
            catch (IOException unreachable)
            {
                error.WriteLine($"alg: {unreachable.Message}");
                return AlgCommandLine.ExitUsage;
            }

            (ok ? output : error).Write(text);
            return ok ? AlgCommandLine.ExitOk : AlgCommandLine.ExitUsage;
        });
        return command;
    }
}
