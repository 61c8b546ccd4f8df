namespace Alg.Grammar.Junos.Ast;

/// <summary>The three Junos NAT hierarchies.</summary>
public enum JunosNatKind
{
    Source,
    Destination,
    Static,
}
