namespace Alg.Runtime.Flows;

/// <summary>Storage of one pinhole in <see cref="ExpectationTable"/>; chained by index, never by reference.</summary>
internal struct ExpectationSlot
{
    public ExpectationSpec Spec;
    public long ExpiresAt;
    public int Next;
    public bool InUse;
}
