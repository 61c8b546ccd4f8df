namespace Alg.Host.Control;

/// <summary>What <c>alg status</c> shows: taken on the worker between two frames, so every number is consistent.</summary>
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
    IReadOnlyList<KeyValuePair<string, long>> Drops);
