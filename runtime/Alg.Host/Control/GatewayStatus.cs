namespace Alg.Host.Control;

/// <summary>What <c>alg status</c> shows: taken on the worker between two frames, so every number is consistent.</summary>
/// <param name="WorkerAllocatedBytes">Bytes the worker thread has allocated since it started (status snapshots and
/// ARP waits included): its growth per forwarded packet shows the steady path allocates nothing.</param>
/// <param name="OpenPinholes">The open pinholes, at most <see cref="PinholeStatus.MaxListed"/>.</param>
public sealed record GatewayStatus(
    string Tier,
    string ConfigPath,
    string Fingerprint,
    DateTimeOffset Started,
    long Reloads,
    long ReloadFailures,
    int Flows,
    long FlowsCreated,
    long FlowsExpired,
    int Pinholes,
    long PinholesOpened,
    long PinholesUsed,
    long PinholesExpired,
    long PacketsTranslated,
    IReadOnlyList<InterfaceStatus> Interfaces,
    IReadOnlyList<AlgStatus> Algs,
    IReadOnlyList<KeyValuePair<string, long>> Drops,
    long WorkerAllocatedBytes,
    IReadOnlyList<PinholeStatus>? OpenPinholes = null);
