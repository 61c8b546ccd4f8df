namespace Alg.Grammar.Asa.Ast;

/// <summary>How an ACL address is given.</summary>
public enum AsaAclAddressKind
{
    Any,
    Match,
    Alias,
    Object,
    ObjectGroup,
    Interface,

    /// <summary><c>any6</c>, an IPv6 host or prefix: matches no IPv4 packet.</summary>
    Ipv6,
}
