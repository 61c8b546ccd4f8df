namespace Alg.Grammar.Ios.Ast;

/// <summary>The shape of a static NAT line.</summary>
public enum IosStaticKind
{
    Host,
    Port,
    Network,
}
