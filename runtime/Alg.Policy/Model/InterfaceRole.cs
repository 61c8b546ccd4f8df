namespace Alg.Policy.Model;

/// <summary>Which side of the translator an interface faces.</summary>
public enum InterfaceRole
{
    Unassigned,
    Inside,
    Outside,
}
