using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>How the translator behaves towards endpoints (RFC 4787, RFC 5382).</summary>
/// <param name="PortPreservation">Keep the source port when it is free on the mapped address.</param>
/// <param name="ConsistentNat">The same private address:port always maps to the same public one.</param>
/// <param name="Hairpinning">Inside hosts reach each other through their mapped addresses (RFC 4787 REQ-9).</param>
public sealed record NatBehavior(
    MappingBehavior Mapping,
    FilteringBehavior Filtering,
    bool PortPreservation,
    bool ConsistentNat,
    bool Hairpinning,
    SourceSpan Source);
