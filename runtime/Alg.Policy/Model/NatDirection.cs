namespace Alg.Policy.Model;

/// <summary>Which address of the packet the rule translates, named from where it is real.</summary>
public enum NatDirection
{
    /// <summary>An inside host's source address (the usual PAT and static NAT).</summary>
    InsideSource,

    /// <summary>An outside host's source address, seen differently inside.</summary>
    OutsideSource,

    /// <summary>A destination address on the inside, load-shared from a pool.</summary>
    InsideDestination,
}
