namespace Alg.Grammar.Ios.Ast;

/// <summary>Which NAT domain an interface is in.</summary>
public enum IosNatRole
{
    Inside,
    Outside,
    Enable,
}
