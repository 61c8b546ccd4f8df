using System.Diagnostics;
using System.Globalization;
using Alg.Compiler;
using Alg.Policy.Text;
using Alg.Runtime.Pipeline;

namespace Alg.Benchmarks.Engines;

/// <summary>
/// `reload-memory N`: N reloads of alternating configurations in compiled mode, each a full Roslyn compile
/// whose predecessor is unloaded; prints managed heap and working set before and after, to show that
/// generated code does not accumulate.
/// </summary>
public static class ReloadMemoryMeasurement
{
    public static void Run(int reloads, EngineMode mode, TextWriter output)
    {
        var first = ConfigurationLoader.Load(new SourceText("a.cfg", MixedCapture.Config)).Policy!;
        var second = ConfigurationLoader.Load(new SourceText("b.cfg", MixedCapture.Config + "no ip nat service sip udp port 5060\n")).Policy!;
        using var gateway = Gateway.Create(first, mode);
        for (var i = 0; i < 50; i++)
        {
            gateway.Reload(i % 2 == 0 ? second : first);
        }

        var (heapBefore, setBefore) = Measure();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after 50 warm-up reloads: managed heap {heapBefore / 1048576.0:F1} MiB, working set {setBefore / 1048576.0:F1} MiB"));
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= reloads; i++)
        {
            gateway.Reload(i % 2 == 0 ? second : first);
            if (i % 250 == 0)
            {
                var (heap, set) = Measure();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"after {i} more reloads ({clock.Elapsed.TotalMilliseconds / i:F1} ms each): managed heap {heap / 1048576.0:F1} MiB, working set {set / 1048576.0:F1} MiB, loaded assemblies {AppDomain.CurrentDomain.GetAssemblies().Length}"));
            }
        }
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return (GC.GetTotalMemory(forceFullCollection: true), Process.GetCurrentProcess().WorkingSet64);
    }
}
