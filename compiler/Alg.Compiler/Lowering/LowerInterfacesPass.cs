using Alg.Policy.Model;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Numbers the interfaces in configuration order, resolves the ACLs applied to each to ACL ids and carries
/// whether the inbound ACL reads real (untranslated) destinations, and when the ACLs are consulted: IOS access lists
/// without inspection are stateless and meet every packet; every stateful device checks the packet that opens a
/// connection. The dialect is read here, once, so the data plane never asks which vendor it imitates.
/// </summary>
public sealed class LowerInterfacesPass : ILoweringPass
{
    public string Name => "lower-interfaces";

    public void Run(LoweringState state)
    {
        var mode = state.Policy.Dialect == Dialect.Ios && !state.Policy.StatefulInspection ? AclMode.PerPacket : AclMode.PerNewConnection;
        foreach (var iface in state.Policy.Interfaces)
        {
            state.Interfaces.Add(new InterfacePlan(
                state.Interfaces.Count,
                iface.Name,
                iface.Role,
                iface.Address,
                iface.InboundAcl is null ? -1 : state.AclIds[iface.InboundAcl],
                iface.OutboundAcl is null ? -1 : state.AclIds[iface.OutboundAcl],
                iface.InboundAcl is not null && iface.InboundAclMatchesRealAddresses,
                mode));
        }
    }
}
