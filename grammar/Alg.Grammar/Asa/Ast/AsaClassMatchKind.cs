namespace Alg.Grammar.Asa.Ast;

/// <summary>What a class-map matches.</summary>
public enum AsaClassMatchKind
{
    DefaultInspectionTraffic,
    Port,
    AccessList,
    Any,
    Other,
}
