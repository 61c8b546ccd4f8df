namespace Alg.Host.Control;

/// <summary>The configuration a gateway runs: its text (what a console edits), the version that text hashes to, its file.</summary>
/// <param name="Dialect">The dialect the gateway runs, as <c>--dialect</c> spells it (<c>ios</c>, <c>asa</c>…); commits are read in it.</param>
public sealed record RunningConfiguration(string Text, string Version, string Path, string? Dialect);
