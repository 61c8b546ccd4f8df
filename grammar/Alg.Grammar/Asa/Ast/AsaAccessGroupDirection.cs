namespace Alg.Grammar.Asa.Ast;

/// <summary>Where an access-group applies.</summary>
public enum AsaAccessGroupDirection
{
    In,
    Out,
    Global,
}
