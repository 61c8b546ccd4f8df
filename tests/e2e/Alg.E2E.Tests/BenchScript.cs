using System.Diagnostics;
using System.Text;

namespace Alg.E2E.Tests;

/// <summary>Runs the bench's shell scenarios (tests/e2e/*.sh) with the alg this build produced.</summary>
internal static class BenchScript
{
    /// <summary>The scripts' exit code for "the bench cannot run here" (autotools' skip code).</summary>
    public const int Unavailable = 77;

    /// <summary>.ci/run sets it to a file; each scenario that ran appends a line, so CI can tell skipped from run.</summary>
    public const string MarkerVariable = "ALG_E2E_MARKER";

    public static string RepositoryRoot { get; } = FindRoot();

    public static (int ExitCode, string Output) Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "tests", "e2e", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ALG"] = AlgBinary();
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out after 10 minutes)");
        }

        process.WaitForExit();
        var text = output.ToString();
        if (process.ExitCode != Unavailable && Environment.GetEnvironmentVariable(MarkerVariable) is { Length: > 0 } marker)
        {
            File.AppendAllText(marker, $"ran {script} {string.Join(' ', arguments.Take(1))} exit {process.ExitCode}\n");
        }

        return (process.ExitCode, text);
    }

    public static string OutputDirectory(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "alg-e2e", name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The apphost the Alg.Cli reference copied next to the tests.</summary>
    public static string AlgBinary() => Path.Combine(AppContext.BaseDirectory, "alg");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Alg.sln not found above " + AppContext.BaseDirectory);
    }
}
