namespace Alg.Host.Control;

/// <summary>One enabled ALG's counters as <c>alg status</c> shows them.</summary>
public sealed record AlgStatus(string Name, bool Implemented, long Inspected, long RewritesApplied, long RewritesRefused, long PinholesOpened, long PinholesRefused, long Malformed, long Failures, long PartsRefused = 0, string? LastPartRefused = null);
