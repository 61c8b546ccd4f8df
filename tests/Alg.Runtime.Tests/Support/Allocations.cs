namespace Alg.Runtime.Tests.Support;

/// <summary>Measures managed allocation of a repeatable loop on the current thread.</summary>
/// <remarks>
/// Tiered compilation and on-stack replacement can allocate a few hundred bytes on the running thread while
/// a method is promoted; that is the runtime, not the code under test. So the loop is warmed up, then
/// measured several times, and the quietest run counts.
/// </remarks>
public static class Allocations
{
    public static long Quietest(Action loop, int attempts = 5)
    {
        ArgumentNullException.ThrowIfNull(loop);
        for (var i = 0; i < 3; i++)
        {
            loop();
        }

        Thread.Sleep(100);
        var quietest = long.MaxValue;
        for (var i = 0; i < attempts && quietest != 0; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            loop();
            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return quietest;
    }
}
