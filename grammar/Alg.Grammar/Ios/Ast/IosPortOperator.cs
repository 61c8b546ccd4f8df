namespace Alg.Grammar.Ios.Ast;

/// <summary>An ACL port comparison.</summary>
public enum IosPortOperator
{
    Eq,
    Neq,
    Lt,
    Gt,
    Range,
}
