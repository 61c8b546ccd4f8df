using Alg.Cli;

namespace Alg.FrontEnd.Tests.Support;

/// <summary>Runs the `alg` command in process and captures what it prints.</summary>
public static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AlgCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
