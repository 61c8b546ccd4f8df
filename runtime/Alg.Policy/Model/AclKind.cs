namespace Alg.Policy.Model;

/// <summary>Standard ACLs test the source address only; extended ones test the whole 5-tuple.</summary>
public enum AclKind
{
    Standard,
    Extended,
}
