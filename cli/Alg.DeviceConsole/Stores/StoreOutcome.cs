namespace Alg.DeviceConsole.Stores;

/// <summary>What a commit or a write did; <paramref name="Version"/> is the version in force afterwards.</summary>
internal sealed record StoreOutcome(bool Ok, string Message, string? Version);
