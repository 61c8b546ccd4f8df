namespace Alg.Grammar.Ios.Ast;

/// <summary>Standard ACLs test the source only; extended ones the 5-tuple.</summary>
public enum IosAclKind
{
    Standard,
    Extended,
}
