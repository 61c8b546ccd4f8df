using System.Diagnostics;

namespace Alg.Runtime.Tests.Support;

/// <summary>Runs tshark (Wireshark's CLI) when installed; CI installs it with apt-get install tshark.</summary>
public static class Tshark
{
    private static readonly Lazy<string?> Executable = new(Find);

    public static bool Available => Executable.Value is not null;

    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value ?? throw new InvalidOperationException("tshark is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tshark {string.Join(' ', arguments)} exited {process.ExitCode}: {errors.Result}");
        }

        return output;
    }

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(directory, "tshark");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
