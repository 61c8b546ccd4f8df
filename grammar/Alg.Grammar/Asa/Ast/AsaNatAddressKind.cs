namespace Alg.Grammar.Asa.Ast;

/// <summary>What a NAT address operand names.</summary>
public enum AsaNatAddressKind
{
    Interface,
    Any,
    Address,
    Object,
}
