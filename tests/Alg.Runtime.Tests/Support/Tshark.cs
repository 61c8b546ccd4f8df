using System.Diagnostics;

namespace Alg.Runtime.Tests.Support;

/// <summary>Runs tshark (Wireshark's CLI) when installed; CI installs it with apt-get install tshark.</summary>
public static class Tshark
{
    private static readonly Lazy<string?> Executable = new(Find);

    public static bool Available => Executable.Value is not null;

    /// <summary>Writes the frames (Ethernet) to a temporary capture and returns the numbers of those whose IP, TCP or UDP
    /// checksum tshark finds wrong (empty when all are right).</summary>
    public static string BadChecksumFrames(IReadOnlyList<byte[]> frames, string tag) =>
        Query(
            frames,
            tag,
            "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
            "-Y", "ip.checksum.status == 2 or tcp.checksum.status == 2 or udp.checksum.status == 2",
            "-T", "fields", "-e", "frame.number").Trim();

    /// <summary>Writes the frames (Ethernet) to a temporary capture and runs tshark on it with <paramref name="arguments"/>.</summary>
    public static string Query(IReadOnlyList<byte[]> frames, string tag, params string[] arguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"alg-{tag}-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = Alg.Runtime.Capture.PcapWriter.Create(output, Alg.Runtime.Packets.LinkType.Ethernet, Alg.Runtime.Capture.TimestampPrecision.Microseconds))
            {
                var time = 0L;
                foreach (var frame in frames)
                {
                    writer.Write(time += 1_000_000, frame, frame.Length);
                }
            }

            return Run(["-r", output, .. arguments]);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Writes the frames (Ethernet) to a temporary capture and returns the numbers of those tshark calls malformed
    /// or flags with an expert error (empty when none), decoding with the extra arguments given (e.g. <c>-d</c>).</summary>
    public static string MalformedFrames(IReadOnlyList<byte[]> frames, string tag, params string[] decodeAs)
    {
        var output = Path.Combine(Path.GetTempPath(), $"alg-{tag}-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = Alg.Runtime.Capture.PcapWriter.Create(output, Alg.Runtime.Packets.LinkType.Ethernet, Alg.Runtime.Capture.TimestampPrecision.Microseconds))
            {
                var time = 0L;
                foreach (var frame in frames)
                {
                    writer.Write(time += 1_000_000, frame, frame.Length);
                }
            }

            return Run([.. decodeAs, "-r", output, "-Y", "_ws.malformed or _ws.expert.severity >= error", "-T", "fields", "-e", "frame.number"]).Trim();
        }
        finally
        {
            File.Delete(output);
        }
    }

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
