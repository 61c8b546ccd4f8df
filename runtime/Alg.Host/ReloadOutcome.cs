namespace Alg.Host;

/// <summary>What one reload did: applied (with the new fingerprint) or refused, with the diagnostics that say why.</summary>
/// <param name="Version">The version of the configuration running afterwards (<see cref="Control.ConfigurationVersion"/>).</param>
public sealed record ReloadOutcome(bool Applied, string Message, string? Version = null);
