namespace Alg.Policy.Model;

/// <summary>RFC 4787 §5: which outside endpoints may send to a mapped address and port.</summary>
public enum FilteringBehavior
{
    EndpointIndependent,
    AddressDependent,
    AddressAndPortDependent,
}
