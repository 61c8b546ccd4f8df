using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

/// <summary>One configs-wild file: the dialect it must load as (null: a platform Alg does not read) and the findings left.</summary>
public sealed record WildFile(string Name, Dialect? Dialect, params AcceptedFinding[] Accepted);
