using System.Diagnostics;
using System.Globalization;
using Alg.Compiler;
using Alg.Policy.Text;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>
/// Warm lint of one file, timed by this process's CPU time as well as by the clock: on a shared machine the
/// clock counts other people's work too, CPU time does not.
/// </summary>
public static class LintCpuTime
{
    public static void Run(string path, int iterations, TextWriter output)
    {
        var source = new SourceText(path, File.ReadAllText(path));
        for (var i = 0; i < 3; i++)
        {
            ConfigurationLoader.Load(source);
        }

        var process = Process.GetCurrentProcess();
        var bestCpu = TimeSpan.MaxValue;
        var bestWall = TimeSpan.MaxValue;
        for (var i = 0; i < iterations; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            ConfigurationLoader.Load(source);
            clock.Stop();
            process.Refresh();
            bestCpu = Min(bestCpu, process.TotalProcessorTime - cpu);
            bestWall = Min(bestWall, clock.Elapsed);
        }

        var lines = source.LineCount;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{lines} lines: best wall {bestWall.TotalMilliseconds:F1} ms ({lines / bestWall.TotalSeconds:F0} lines/s), best CPU {bestCpu.TotalMilliseconds:F1} ms ({lines / bestCpu.TotalSeconds:F0} lines/s)"));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
