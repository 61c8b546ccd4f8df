namespace Alg.Runtime.Flows;

/// <summary>Storage of one pinhole in <see cref="ExpectationTable"/>; chained by index, never by reference.</summary>
internal struct ExpectationSlot
{
    public ExpectationSpec Spec;
    public long ExpiresAt;
    public int Next;

    /// <summary>The next pinhole of the same group (<see cref="ExpectationSpec.Group"/> ≠ 0), or -1.</summary>
    public int GroupNext;

    /// <summary>The next pinhole of the same master flow, or -1.</summary>
    public int MasterNext;
    public bool InUse;
}
