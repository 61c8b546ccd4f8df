using System.Collections.Immutable;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>An ACL in the IR: rules in first-match order; no match denies (every vendor Alg reads has the implicit deny).</summary>
public sealed record AclProgram(int Id, string Name, ImmutableArray<AclRuleIr> Rules);
