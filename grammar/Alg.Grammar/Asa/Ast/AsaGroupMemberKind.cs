namespace Alg.Grammar.Asa.Ast;

/// <summary>What an object-group member line is.</summary>
public enum AsaGroupMemberKind
{
    Address,
    Alias,
    Object,
    Group,
    Port,
    Service,
    ServiceObject,
    Protocol,
    Icmp,
}
