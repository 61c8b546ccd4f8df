namespace Alg.Runtime.Flows;

/// <summary>A pinhole as a status listing shows it: what it expects and when it expires (engine clock).</summary>
public readonly record struct OpenExpectation(ExpectationSpec Spec, long ExpiresAt);
