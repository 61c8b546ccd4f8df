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
}
