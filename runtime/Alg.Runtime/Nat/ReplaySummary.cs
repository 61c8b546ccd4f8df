namespace Alg.Runtime.Nat;

/// <summary>Counts from one <see cref="NatCaptureReplay"/> run.</summary>
/// <param name="Skipped">Records of another link type than the output file's (a pcapng with mixed interfaces).</param>
public sealed record ReplaySummary(long Records, long Forwarded, long Translated, long Dropped, long Held, long Skipped);
