using Alg.Policy.Model;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>An interface of the gateway with the ACLs applied to it (-1: none).</summary>
public sealed record InterfacePlan(int Id, string Name, InterfaceRole Role, Ipv4Prefix? Address, int InboundAclId, int OutboundAclId);
