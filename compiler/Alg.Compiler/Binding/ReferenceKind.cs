namespace Alg.Compiler.Binding;

/// <summary>The kinds of named structure a configuration defines and refers to.</summary>
public enum ReferenceKind
{
    Acl,
    NatPool,
    Interface,
    Object,
    ObjectGroup,
    ClassMap,
    PolicyMap,
    InspectMap,
    RouteMap,
    Zone,
    InspectRule,
    PrefixList,
    Service,
    ServiceGroup,
}
