namespace Alg.Runtime.Reassembly;

/// <summary>A byte budget shared by all reassembly buffers, so many flows together stay bounded too.</summary>
/// <remarks>Not thread-safe: one budget per worker, like the flow table.</remarks>
public sealed class ReassemblyBudget
{
    public ReassemblyBudget(long limitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limitBytes);
        LimitBytes = limitBytes;
    }

    public long LimitBytes { get; }

    public long UsedBytes { get; private set; }

    public bool TryReserve(int bytes)
    {
        if (UsedBytes + bytes > LimitBytes)
        {
            return false;
        }

        UsedBytes += bytes;
        return true;
    }

    public void Release(int bytes) => UsedBytes = Math.Max(0, UsedBytes - bytes);
}
