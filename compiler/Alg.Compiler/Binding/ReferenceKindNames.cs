namespace Alg.Compiler.Binding;

/// <summary>How a structure kind is named in messages.</summary>
public static class ReferenceKindNames
{
    public static string Display(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Acl => "access list",
        ReferenceKind.NatPool => "NAT pool",
        ReferenceKind.Interface => "interface",
        ReferenceKind.Object => "object",
        ReferenceKind.ObjectGroup => "object-group",
        ReferenceKind.ClassMap => "class-map",
        ReferenceKind.PolicyMap => "policy-map",
        ReferenceKind.InspectMap => "inspect map",
        ReferenceKind.RouteMap => "route-map",
        ReferenceKind.Zone => "zone",
        ReferenceKind.InspectRule => "inspect rule",
        ReferenceKind.PrefixList => "prefix list",
        ReferenceKind.Service => "service",
        ReferenceKind.ServiceGroup => "service group",
        _ => kind.ToString(),
    };
}
