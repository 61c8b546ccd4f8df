namespace Alg.Host.Control;

/// <summary>
/// What a console's <c>show</c> commands read from a running gateway: taken on the packet worker between two frames,
/// so the tables agree with each other.
/// </summary>
public sealed record LiveState(
    string ConfigPath,
    string Fingerprint,
    int FlowCapacity,
    long FlowsCreated,
    long FlowsExpired,
    long PacketsTranslated,
    long PinholesOpened,
    long PinholesUsed,
    long PinholesExpired,
    IReadOnlyList<TranslationEntry> Translations,
    IReadOnlyList<PinholeEntry> Pinholes,
    IReadOnlyList<AlgStatus> Algs,
    IReadOnlyList<CallEntry> Calls,
    IReadOnlyList<KeyValuePair<string, long>> Drops);
