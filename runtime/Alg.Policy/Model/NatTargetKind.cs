namespace Alg.Policy.Model;

public enum NatTargetKind
{
    /// <summary>The address of an interface (PAT on the outside interface).</summary>
    Interface,

    /// <summary>A named pool.</summary>
    Pool,

    /// <summary>Literal addresses in the rule or its object.</summary>
    Addresses,

    /// <summary>No translation.</summary>
    None,
}
