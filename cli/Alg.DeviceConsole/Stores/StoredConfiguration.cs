namespace Alg.DeviceConsole.Stores;

/// <summary>A configuration as the console read it: the text, the version it will commit against, the file it is saved to.</summary>
/// <param name="Dialect">The dialect the gateway was told (<c>--dialect</c>), or null when it detects it.</param>
internal sealed record StoredConfiguration(string Text, string Version, string Path, string? Dialect);
