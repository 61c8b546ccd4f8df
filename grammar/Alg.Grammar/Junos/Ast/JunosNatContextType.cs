namespace Alg.Grammar.Junos.Ast;

/// <summary>What a rule-set's <c>from</c>/<c>to</c> names.</summary>
public enum JunosNatContextType
{
    Zone,
    Interface,
    RoutingInstance,
}
