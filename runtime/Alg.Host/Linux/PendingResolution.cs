namespace Alg.Host.Linux;

/// <summary>Frames waiting for one next hop's MAC, and when it was last asked for.</summary>
internal sealed class PendingResolution(long started)
{
    public long Started { get; } = started;

    public long LastRequest { get; set; } = started;

    public List<byte[]> Frames { get; } = [];
}
