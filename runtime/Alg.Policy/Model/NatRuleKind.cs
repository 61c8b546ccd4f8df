namespace Alg.Policy.Model;

public enum NatRuleKind
{
    /// <summary>Many-to-one with port translation (IOS <c>overload</c>, ASA dynamic PAT).</summary>
    DynamicPat,

    /// <summary>One-to-one from a pool, no port translation.</summary>
    DynamicPool,

    /// <summary>Fixed one-to-one mapping of a host or a network.</summary>
    Static,

    /// <summary>Fixed mapping of one transport port (a port forward).</summary>
    StaticPort,

    /// <summary>Traffic explicitly exempted from translation (ASA identity NAT, Junos <c>source-nat off</c>).</summary>
    Exempt,
}
