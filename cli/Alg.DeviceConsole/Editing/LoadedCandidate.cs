namespace Alg.DeviceConsole.Editing;

/// <summary>A candidate as loaded, with the 1-based line the typed line stands on (0 when it is not in the text).</summary>
internal sealed record LoadedCandidate(Candidate Candidate, LoadedConfiguration Config, int NewLine);
