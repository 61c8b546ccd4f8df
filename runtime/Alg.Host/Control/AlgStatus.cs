namespace Alg.Host.Control;

/// <summary>One enabled ALG's counters as <c>alg status</c> shows them.</summary>
/// <param name="TunnelsOpened">PPTP calls' GRE tunnels opened.</param>
/// <param name="PolicyDropsBy">Packets the ALG dropped, by the check behind them (SCTP's anomaly classes).</param>
public sealed record AlgStatus(string Name, bool Implemented, long Inspected, long RewritesApplied, long RewritesRefused, long PinholesOpened, long PinholesRefused, long Malformed, long Failures, long PartsRefused = 0, string? LastPartRefused = null, long TunnelsOpened = 0, long PolicyDrops = 0, IReadOnlyDictionary<string, long>? PolicyDropsBy = null);
