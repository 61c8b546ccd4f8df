namespace Alg.Grammar.Common;

/// <summary>What a file was recognised as when it is not a configuration Alg reads, and the line that shows it.</summary>
public sealed record ForeignPlatform(string Description, int Line, string Evidence);
