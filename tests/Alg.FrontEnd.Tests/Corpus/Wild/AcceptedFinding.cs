namespace Alg.FrontEnd.Tests.Corpus.Wild;

/// <summary>A warning or error that stays on a configs-wild file, with the reason it is right (or unavoidable).</summary>
public sealed record AcceptedFinding(string Code, int Line, string Reason);
