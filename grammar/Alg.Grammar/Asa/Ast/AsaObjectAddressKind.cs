namespace Alg.Grammar.Asa.Ast;

/// <summary>How a network object gives its address.</summary>
public enum AsaObjectAddressKind
{
    Host,
    Subnet,
    Range,
    Fqdn,
}
