namespace Alg.Policy.Model;

/// <summary>RFC 4787 §4.1: what makes a NAT reuse an existing mapping for a new destination.</summary>
public enum MappingBehavior
{
    EndpointIndependent,
    AddressDependent,
    AddressAndPortDependent,
}
