namespace Alg.DeviceConsole.Grammar;

/// <summary>The tokens the grammar accepts next; <paramref name="AnyWord"/>: a name of the user's may stand there.</summary>
internal sealed record ExpectedTokens(IReadOnlySet<int> Types, bool AnyWord);
