using System.Diagnostics;

namespace Alg.Host.Linux;

/// <summary>Runs the system tools that own kernel state (nft, ip) and reports their failure in their own words.</summary>
internal static class CommandRunner
{
    public static (int ExitCode, string Output) Run(string tool, IReadOnlyList<string> arguments, string? standardInput = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new KernelStateException($"could not start {tool}");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new KernelStateException($"could not run {tool}: {missing.Message} (install it: apt-get install nftables iproute2)");
        }

        using (process)
        {
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
                process.StandardInput.Close();
            }

            var errorText = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, (output + errorText.Result).Trim());
        }
    }
}
