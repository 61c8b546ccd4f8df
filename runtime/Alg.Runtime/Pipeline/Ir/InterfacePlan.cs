using Alg.Policy.Model;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>An interface of the gateway with the ACLs applied to it (-1: none).</summary>
/// <param name="InboundAclMatchesRealAddresses">
/// The inbound ACL is checked, for a packet opening a flow, against the packet's destination after un-NAT
/// (the real address), not the destination it arrived with.
/// </param>
/// <param name="AclMode">Whether the ACLs meet every packet or only the one opening a connection.</param>
public sealed record InterfacePlan(
    int Id, string Name, InterfaceRole Role, Ipv4Prefix? Address, int InboundAclId, int OutboundAclId, bool InboundAclMatchesRealAddresses = false, AclMode AclMode = AclMode.PerNewConnection);
