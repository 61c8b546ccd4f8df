namespace Alg.Grammar.Ios.Ast;

/// <summary>The kinds of named IOS structure that routing, management and NAT commands refer to.</summary>
public enum IosStructureKind
{
    AccessList,
    PrefixList,
    RouteMap,
}
