namespace Alg.Grammar.Asa.Ast;

/// <summary>A port comparison.</summary>
public enum AsaPortOperator
{
    Eq,
    Neq,
    Lt,
    Gt,
    Range,
}
