namespace Alg.Grammar.Common;

public enum SessionCommandKind
{
    Configure,
    End,
    Exit,
    Enable,
    Exec,
    Password,
}
