using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>Numbers the interfaces in configuration order and resolves the ACLs applied to each to ACL ids.</summary>
public sealed class LowerInterfacesPass : ILoweringPass
{
    public string Name => "lower-interfaces";

    public void Run(LoweringState state)
    {
        foreach (var iface in state.Policy.Interfaces)
        {
            state.Interfaces.Add(new InterfacePlan(
                state.Interfaces.Count,
                iface.Name,
                iface.Role,
                iface.Address,
                iface.InboundAcl is null ? -1 : state.AclIds[iface.InboundAcl],
                iface.OutboundAcl is null ? -1 : state.AclIds[iface.OutboundAcl]));
        }
    }
}
