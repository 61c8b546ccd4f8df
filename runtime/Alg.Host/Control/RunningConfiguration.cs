namespace Alg.Host.Control;

/// <summary>The configuration a gateway runs: its text (what a console edits), the version that text hashes to, its file.</summary>
/// <param name="Dialect">The dialect the gateway was told to read (<c>--dialect</c>), or null when it detects it.</param>
public sealed record RunningConfiguration(string Text, string Version, string Path, string? Dialect);
