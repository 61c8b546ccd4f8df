using System.CommandLine;
using Alg.Doctor;
using Alg.Runtime.Capture;

namespace Alg.Cli.Commands;

/// <summary>`alg doctor [--config CFG] [--json] CAPTURE...`: a verdict and its cause for every SIP call in the captures.</summary>
internal static class DoctorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("captures")
        {
            Description = "pcap or pcapng files of the same calls: the phone's side alone is enough; add a capture beyond the gateway to see what it changed.",
            Arity = ArgumentArity.OneOrMore,
        };
        var config = new Option<FileInfo>("--config") { Description = "The gateway's configuration: causes then name the line responsible and the line that fixes it." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array with one object per call." };
        var dialect = CommonOptions.Dialect();
        var command = new Command("doctor", "Diagnose SIP calls in captures: one-way audio, no audio, calls never established, and why.") { inputs, config, json, dialect };
        command.SetAction(result =>
        {
            GatewayContext? gateway = null;
            if (result.GetValue(config) is { } file)
            {
                if (ConfigurationFile.Load(file, result.GetValue(dialect), error, "nothing was diagnosed", out var exitCode) is not { } load)
                {
                    return exitCode;
                }

                gateway = GatewayContext.FromLoad(load);
            }

            var paths = result.GetValue(inputs)!;
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    error.WriteLine($"alg: no such file: {path}");
                    return AlgCommandLine.ExitUsage;
                }
            }

            IReadOnlyList<CallDiagnosis> calls;
            try
            {
                calls = CallDoctor.Diagnose(paths, gateway);
            }
            catch (CaptureFormatException bad)
            {
                error.WriteLine($"alg: {bad.Message}");
                return AlgCommandLine.ExitUsage;
            }

            if (result.GetValue(json))
            {
                output.Write(DoctorJsonReport.Render(calls));
            }
            else if (calls.Count == 0)
            {
                output.WriteLine($"no SIP call (no INVITE) in {string.Join(", ", paths.Select(Path.GetFileName))}");
            }
            else
            {
                output.Write(DoctorTextReport.Render(calls));
            }

            return calls.All(c => c.Verdict == CallVerdict.Ok) ? AlgCommandLine.ExitOk : AlgCommandLine.ExitFindings;
        });
        return command;
    }
}
