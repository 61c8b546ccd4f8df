namespace Alg.Host;

/// <summary>What one reload did: applied (with the new fingerprint) or refused, with the diagnostics that say why.</summary>
public sealed record ReloadOutcome(bool Applied, string Message);
