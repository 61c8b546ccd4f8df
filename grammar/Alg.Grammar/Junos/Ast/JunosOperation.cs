namespace Alg.Grammar.Junos.Ast;

/// <summary>The verb of a set-style line: <c>set</c> adds, <c>delete</c> removes, <c>deactivate</c> keeps the line but makes it inactive, <c>activate</c> undoes that.</summary>
public enum JunosOperation
{
    Set,
    Delete,
    Deactivate,
    Activate,
}
